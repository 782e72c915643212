// The command line: `npm run --silent cli -- <command> …`. Uses the same pure
// core and adapters as the extension, with linkedom as the DOM.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { CliIo, Command } from './io';
import { EXIT } from './io';

// V8 lets the heap grow to up to 4× what survived the last full collection;
// a merge of a 300-person library leaves so much short-lived garbage that
// its peak RSS was ~590 MB over ~130 MB live. Growing by 1.5× at most keeps
// the peak near 400 MB for a few percent more CPU (bench: cli merge). Set
// before any command's work; it governs later heap limits.
setFlagsFromString('--heap-growing-percent=50');

const commands: Record<string, () => Promise<{ run: Command }>> = {
  extract: () => import('./commands/extract'),
  export: () => import('./commands/export'),
  merge: () => import('./commands/merge'),
  'parse-citations': () => import('./commands/parse-citations'),
};

const USAGE = `usage: scholar-lens <command> [options]

commands:
  extract <file> --url <url> [--as html|json|xml] [--site <adapter id>] [--now <iso-date>]
      read a saved page (or a saved JSON/XML response) and print its capture as JSON
  export --format bibtex|ris|csl|csv|json|report [--person <name>] [--report-as md|csv] <input…>
      merge captures (capture JSON, arrays, backups, .bib/CSL-JSON bibliographies) and print one export
  export --format jsonl|parquet --out <dir> [--table people|works|person_works|metrics] <input…>
      merge them and write the library's data tables (docs/formats.md) as <dir>/<table>.jsonl or .parquet;
      jsonl with --table and no --out prints that one table
  merge [--now <iso-date>] [--owner <name>] <input…>
      merge captures and bibliographies; print people (with works, metrics, stated figures) and all merged works as JSON
  parse-citations <file>
      parse one citation string per line; print one JSON object per line (title, authors, venue, year, volume, pages, ids)
`;

async function main(argv: string[]): Promise<number> {
  const io: CliIo = {
    // A pipe to a slow reader buffers what it cannot take yet: a streaming command waits for it to drain.
    stdout: (t) => (process.stdout.write(t) ? undefined : once(process.stdout, 'drain').then(() => undefined)),
    stderr: (t) => process.stderr.write(t),
    readFile: (p) => readFile(p),
    writeFile: async (p, data) => {
      await mkdir(dirname(p), { recursive: true });
      await writeFile(p, data);
    },
  };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = commands[name];
  if (!load) {
    io.stderr(`unknown command "${name}"\n${USAGE}`);
    return EXIT.usage;
  }
  const { run } = await load();
  return run(rest, io);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
