// `parse-citations <file>`: one citation string per line in, one JSON object
// per line out, in the same order (an empty line gives `{}`), by the same
// parser the generic reader uses on pages.

import { parseCitation, type ParsedCitation } from '../../readers/citation-parser/index';
import { EXIT, parseArgs, type Command } from '../io';

const USAGE = 'usage: parse-citations <file>\n  one citation string per line; prints one JSON object per line (title, authors, venue, year, volume, issue, pages, ids, confidence)\n';

/** The printed object: fields in a fixed order, absent ones left out. */
export function citationRecord(line: string): Partial<ParsedCitation> {
  if (!line.trim()) return {};
  const c = parseCitation(line);
  const out: Partial<ParsedCitation> = {};
  for (const k of ['title', 'authors', 'venue', 'year', 'volume', 'issue', 'pages', 'ids', 'confidence'] as const) {
    if (c[k] !== undefined) (out as Record<string, unknown>)[k] = c[k];
  }
  return out;
}

export const run: Command = async (args, io) => {
  const { positionals } = parseArgs(args, []);
  if (positionals.length !== 1) {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  const file = positionals[0]!;
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(await io.readFile(file)).replace(/^\uFEFF/, '');
  } catch (err) {
    io.stderr(`${file}: cannot read (${err instanceof Error ? err.message : String(err)})\n`);
    return EXIT.usage;
  }
  const lines = text.split(/\r?\n/);
  // A final newline ends the last line; it does not start an empty one.
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  io.stdout(lines.map((l) => JSON.stringify(citationRecord(l)) + '\n').join(''));
  return EXIT.ok;
};
