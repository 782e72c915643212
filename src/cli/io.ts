// What a command needs from the outside world, so commands are testable
// without spawning a process.
export interface CliIo {
  /** A returned promise resolves when the output can take more (commands that stream await it). */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  readFile(path: string): Promise<Uint8Array>;
  /** Writes a file, making its folder if needed (`export --out`). Absent where a command may not write files. */
  writeFile?(path: string, data: Uint8Array): Promise<void>;
}

export type Command = (args: string[], io: CliIo) => Promise<number>;

/** Exit codes: 0 ok, 1 usage or input error, 2 nothing recognized. */
export const EXIT = { ok: 0, usage: 1, unrecognized: 2 } as const;

/** Minimal flag parsing: `--name value` and `--flag`; the rest are positionals. */
export function parseArgs(args: string[], valued: string[]): { flags: Record<string, string | true>; positionals: string[] } {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      if (inline !== undefined) flags[name] = inline;
      else if (valued.includes(name)) flags[name] = args[++i] ?? '';
      else flags[name] = true;
    } else positionals.push(a);
  }
  return { flags, positionals };
}

/** `--now <iso-date>` (default: now); undefined after saying why on stderr when it is not a date. */
export function parseNow(flags: Record<string, string | true>, io: CliIo): Date | undefined {
  const now = typeof flags.now === 'string' ? new Date(flags.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    io.stderr(`not a date: ${String(flags.now)}\n`);
    return undefined;
  }
  return now;
}
