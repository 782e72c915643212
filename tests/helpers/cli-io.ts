// The command line's I/O in memory, for tests that run a command in-process:
// files by name, stdout and stderr collected.
import type { CliIo } from '../../src/cli/io';

export function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    readFile: async (p) => {
      const f = files[p];
      if (f === undefined) throw new Error('no such file');
      return new TextEncoder().encode(f);
    },
  };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}
