// The one boundary between the list reader and a citation-string parser: an
// entry whose title is a plain sentence of a citation ("Authors. Title.
// Journal, v. 3, p. 1-9, 2020.") is handed to a `CitationParser`. The reader's
// own small heuristic is the default; a full parser with the same signature
// (src/readers/citation-parser/) can be passed to
// readList instead, without touching the reader.

import { cleanText } from '../../core/text';
import { anyNameList } from './names';

// The parser's own result type (a type-only import: the reader's bundle does not carry the parser's model).
export type { ParsedCitation } from '../citation-parser';
import type { ParsedCitation } from '../citation-parser';

export type CitationParser = (text: string) => ParsedCitation;

const YEAR = /(?:^|[^\d/.-])(1[5-9]\d{2}|20\d{2})(?![\d-])/g;

/**
 * The default: authors first (a name list before the first sentence break, or
 * before the ABNT " . "), then the title sentence, the rest is the venue.
 */
export const heuristicCitation: CitationParser = (raw) => {
  const text = cleanText(raw.replace(/^\s*\[?\d{1,4}[.)\]]\s+/, '')) ?? '';
  let head: string | undefined;
  let rest: string | undefined;
  const abnt = /\s\.\s/.exec(text);
  if (abnt) {
    head = text.slice(0, abnt.index);
    rest = text.slice(abnt.index + 3);
  } else {
    // A sentence break: ". " after a word of two letters or more (not an initial), or after ")".
    const m = /(?<=[^\s.]{2}|\))\.\s+(?=[\p{Lu}“"'(\d¿¡])/u.exec(text);
    if (!m) return { confidence: 0 };
    head = text.slice(0, m.index);
    rest = text.slice(m.index + m[0].length);
  }
  const names = anyNameList(head.replace(/\s*\((?:19|20)\d{2}[a-z]?\)\s*[:.]?$/, '').replace(/[*]/g, ''));
  if (!names?.names.length) return { confidence: 0 };
  const t = /^(.+?[^\s.]{2}[.?!])\s+(?=\p{Lu}|\d)/u.exec(rest);
  const title = cleanText((t ? t[1]! : rest).replace(/^[“"]|[”"]$/g, '').replace(/\.$/, ''));
  const venue = t ? cleanText(rest.slice(t[0].length)) : undefined;
  let year: number | undefined;
  for (const y of text.matchAll(YEAR)) year = Number(y[1]);
  if (!title || title.split(/\s+/).length < 2) return { confidence: 0 };
  return { title, authors: names.names, venue, year, confidence: names.names.length >= 2 ? 0.6 : 0.4 };
};
