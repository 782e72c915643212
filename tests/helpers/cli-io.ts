// The command line's I/O in memory, for tests that run a command in-process:
// files by name (text, or bytes for pages in other encodings), stdout and
// stderr collected, files written kept by path.
import type { CliIo } from '../../src/cli/io';

export function memoryIo(files: Record<string, string | Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, Uint8Array>();
  const cli: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw new Error('no such file');
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
    writeFile: async (p, data) => {
      written.set(p, data);
    },
  };
  return { cli, out: () => out.join(''), err: () => err.join(''), written };
}
