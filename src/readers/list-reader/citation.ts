// The one boundary between the list reader and a citation-string parser: an
// entry whose title is a plain sentence of a citation ("Authors. Title.
// Journal, v. 3, p. 1-9, 2020.") is handed to a `CitationParser`. The reader's
// own small heuristic is the default; a full parser with the same signature
// (src/readers/citation-parser/) can be passed to
// readList instead, without touching the reader.

import { cleanText } from '../../core/text';
import { anyNameList, cjkNameList, invertedNamesPrefix, isInvertedName, isName } from './names';

// The parser's own result type (a type-only import: the reader's bundle does not carry the parser's model).
export type { ParsedCitation } from '../citation-parser';
import type { ParsedCitation } from '../citation-parser';

export type CitationParser = (text: string) => ParsedCitation;

const YEAR = /(?:^|[^\d/.-])(1[5-9]\d{2}|20\d{2})(?![\d-])/g;
// Vancouver names end on their initials, no stop between them: "Wang F, Smith NA, Nedergaard M. Title…" — the
// stop after the last name's initials (at least two names before it).
const VANCOUVER = /(?<=^(?:\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)*\s\p{Lu}{1,3},\s){1,40}\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)*\s\p{Lu}{1,3}(?:,?\s+et al)?)\.\s+(?=\p{Lu})/u;

/**
 * The default: authors first (a name list before the first sentence break, or
 * before the ABNT " . "), then the title sentence, the rest is the venue.
 */
export const heuristicCitation: CitationParser = (raw) => {
  // A year set before the entry with a dash ("2021 — Names. Title.") is a label, like a number.
  const text = cleanText(raw.replace(/^\s*\[?\d{1,4}[.)\]]\s+/, '').replace(/^\s*[([]?(?:1[5-9]|20)\d{2}[a-z]?[)\]]?\s*[—–-]\s+(?=\p{Lu})/u, '').replace(/^\s*(?:[（(]?[０-９]{1,4}[）．)]|（\d{1,4}）)\s*/u, '')) ?? '';
  const cjk = cjkCitation(text);
  if (cjk) return cjk;
  let names: ReturnType<typeof anyNameList>;
  let rest: string | undefined;
  const abnt = /\s\.\s/.exec(text);
  // Where the names may end: ABNT's " . "; a sentence break, ". " after a word of two letters or more (not an
  // initial) or after ")"; a colon after "(year)" or a word ("Roth, Philip & Haupt, Andreas (2025): Title").
  const breaks = abnt
    ? [abnt]
    : [/(?<=[^\s.]{2}|\))\.\s+(?=[\p{Lu}“"'(\d¿¡])/u.exec(text), /(?<=[^\s.]{2}|\)):\s+(?=[\p{Lu}“"'(\d¿¡])/u.exec(text), VANCOUVER.exec(text.slice(0, 1500))]
        .filter((m): m is RegExpExecArray => !!m)
        .sort((a, b) => a.index - b.index);
  for (const m of breaks) {
    const head = text.slice(0, m.index);
    const plain = head.replace(/\s*\((?:19|20)\d{2}[a-z]?\)\s*[:.]?$/, '').replace(/[*]/g, '');
    const after = text.slice(m.index + m[0].length);
    names = anyNameList(plain);
    // Before a colon, one given-first "name" with no year is as likely a title's head ("Trade Puzzles: A Solution").
    if (m[0].startsWith(':') && plain === head && names && names.names.length === 1 && !isInvertedName(plain)) names = undefined;
    // One "Surname, Given" alone is a name only with a year beside it ("Roth, Philip (2025). Title").
    if (!names?.names.length && plain !== head && isInvertedName(plain)) names = { names: [invert(plain)], truncated: false };
    if (!names?.names.length && /^(?:19|20)\d{2}[a-z]?\.\s/.test(after) && isInvertedName(plain)) names = { names: [invert(plain)], truncated: false };
    if (names?.names.length) {
      // Chicago puts the year after the names ("Roth, Philip, and Andreas Haupt. 2011. Title.").
      rest = after.replace(/^(?:19|20)\d{2}[a-z]?\.\s+/, '');
      break;
    }
  }
  if (!names?.names.length || rest === undefined) return yearFirst(raw) ?? titleFirst(text) ?? { confidence: 0 };
  const t = /^(.+?[^\s.]{2}[.?!])\s+(?=\p{Lu}|\d)/u.exec(rest);
  const title = cleanText((t ? t[1]! : rest).replace(/^[“"]|[”"]$/g, '').replace(/\.$/, ''));
  const venue = t ? cleanText(rest.slice(t[0].length)) : undefined;
  let year: number | undefined;
  for (const y of text.matchAll(YEAR)) year = Number(y[1]);
  if (!title || title.split(/\s+/).length < 2) return { confidence: 0 };
  return { title, authors: names.names, venue, year, confidence: names.names.length >= 2 ? 0.6 : 0.4 };
};

// Japanese styles without quotes: "山田太郎，鈴木花子：標題，誌名，12(3)，45–67，2021．" (SIST/JIS: a colon after the
// names, the title up to the next comma) and "山田太郎・鈴木花子 (2021) 標題. 誌名 12: 45-67." (the year after the
// names, the title up to the next stop).
const CJK_HEAD = /^([^：:()（）]{2,300}?)\s*(?:[：:]|[(（]((?:19|20)\d{2})[a-z]?[)）][\s.．:：]*)\s*/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function cjkCitation(text: string): ParsedCitation | undefined {
  if (!CJK_CHAR.test(text.slice(0, 20))) return undefined;
  const m = CJK_HEAD.exec(text);
  if (!m) return undefined;
  const names = cjkNameList(m[1]!);
  if (!names?.names.length) return undefined;
  const rest = text.slice(m[0].length);
  const end = m[2] ? /(?<=\S{2})(?:\.\s|[．。])/u.exec(rest) : /(?<=\S{2})(?:[，、]|,\s)/u.exec(rest);
  const title = cleanText((end ? rest.slice(0, end.index) : rest).replace(/^[「『“"]|[」』”"]$/gu, ''));
  if (!title || title.length < 4 || !CJK_CHAR.test(title)) return undefined;
  const venue = end ? cleanText(rest.slice(end.index + end[0].length).replace(/^[\s，、,.．]+/u, '')) : undefined;
  let year: number | undefined = m[2] ? Number(m[2]) : undefined;
  if (!year) for (const y of text.matchAll(YEAR)) year = Number(y[1]);
  return { title, authors: names.names, venue, year, confidence: names.names.length >= 2 ? 0.6 : 0.45 };
}

/**
 * A title-first style, tried when no names open the entry: "Title, A. Author, B. Author, In Proc. of …" (a run
 * of two comma-separated names or more right after a title of three words or more, none of them a name). (The
 * same with stops, "Title. A. Author, B. Author. Venue", was tried and not kept: see docs/generic-reader.md.)
 */
const ORGANISATION = /\b(?:university|universit[äéà]t?|press|institute|institut|verlag|society|department|school|college|academy|cent(?:er|re)|association|editions?|publish(?:ing|ers?))\b/i;

function titleFirst(text: string): ParsedCitation | undefined {
  const yearOf = () => {
    let year: number | undefined;
    for (const y of text.matchAll(YEAR)) year = Number(y[1]);
    return year;
  };
  const parts = text.split(/,\s+/).slice(0, 40);
  // An entry opening on an inverted name ("GLENDINNING, Nigel, Title, …") is not title-first.
  if (parts.length >= 2 && isInvertedName(`${parts[0]}, ${parts[1]}`)) return undefined;
  for (let k = 1; k < Math.min(parts.length, 8); k++) {
    const head = parts.slice(0, k).join(', ');
    // The title of this style is one phrase: no sentence break (nor ABNT's " . "), no ";", no year inside it.
    if (head.length > 250 || /[^\s.]{2}\.\s|\s\.\s|;/.test(head) || /(?:1[5-9]|20)\d{2}/.test(head)) break;
    if (head.split(/\s+/).length < 3 || parts.slice(0, k).some((p) => isName(p))) continue;
    const run: string[] = [];
    for (let j = k; j < parts.length; j++) {
      const n = parts[j]!.replace(/^(?:and|&)\s+/i, '').replace(/\.$/, (m) => (/\b\p{Lu}\.$/u.test(parts[j]!) ? m : ''));
      if (!isName(n) || ORGANISATION.test(n)) break;
      run.push(n);
    }
    if (run.length < 2) continue;
    return { title: cleanText(head.replace(/^[“"]|[”"]$/g, '')), authors: run, venue: cleanText(parts.slice(k + run.length).join(', ')), year: yearOf(), confidence: 0.6 };
  }
  return undefined;
}

/**
 * An entry that opens on its year, the title next and the names after it: "2021. Title. A. Author and B. Author.
 * Venue" (tried when no names open the entry once the year is set aside; "(2019) Authors. Title" reads as usual).
 * The names are the whole sentence after the title: two of them or more, or one with initials or inverted.
 */
function yearFirst(raw: string): ParsedCitation | undefined {
  const m = /^\s*[(\[]?((?:19|20)\d{2})[a-z]?[)\]]?[.:,]?\s+(?=[\p{Lu}“"])/u.exec(raw);
  if (!m) return undefined;
  const text = cleanText(raw.slice(m[0].length)) ?? '';
  const stop = /(?<=[^\s.]{2}|\))[.?!]\s+(?=[\p{Lu}“"(\d])/gu;
  const t = stop.exec(text);
  if (!t) return undefined;
  const title = cleanText(text.slice(0, t.index + 1).replace(/^[“"]|[”"]$/g, '').replace(/\.$/, ''));
  if (!title || title.split(/\s+/).length < 3 || /[“"]/.test(title) || anyNameList(title) || invertedNamesPrefix(title)) return undefined;
  const after = text.slice(t.index + t[0].length);
  const n = stop.exec(text);
  const head = n ? text.slice(t.index + t[0].length, n.index) : after;
  const names = anyNameList(head.replace(/[*]/g, '')) ?? invertedNamesPrefix(after);
  if (!names?.names.length) return undefined;
  if (names.names.length < 2 && !/\p{Lu}\./u.test(head) && !isInvertedName(head)) return undefined;
  const venue = n ? cleanText(text.slice(n.index + n[0].length)) : undefined;
  return { title, authors: names.names, venue, year: Number(m[1]), confidence: names.names.length >= 2 ? 0.6 : 0.4 };
}

/** "Roth, Philip" → "Philip Roth". */
function invert(name: string): string {
  const i = name.indexOf(',');
  return `${name.slice(i + 1).trim()} ${name.slice(0, i).trim()}`;
}
