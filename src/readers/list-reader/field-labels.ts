// Field labels: entries written as "Label: value" lines ("Título: …<br>Autores: …<br>Año: 2019",
// "Title: …", "Authors: …"), as hand-made pages, CV generators and institutional repositories print
// them. Which texts are labels is found on the group, not from a word list: a short text before a colon
// that opens a line in most of the group's blocks. A small multilingual list then says which labels
// name the title, the authors, the year and the venue; any other label is only cut off its value.

import { linesOf } from './lines';

/** A line "Label: value": a label of one to three words, no digits, before a colon and a space. */
const LABELLED = /^([^\d\s:：][^\d:：]{0,28}?)\s*[:：]\s+(\S.*)$/u;
const MAX_LABEL_WORDS = 3;
/** A label is the group's when it opens a line in this share of its blocks (and in three at least). */
const SHARE = 0.6;
/** And the group's blocks hold this many distinct labels (one repeated label is a prefix, "Abstract:", not a form). */
const MIN_LABELS = 2;

export type LabelledField = 'title' | 'authors' | 'year' | 'venue';

// Lower-cased labels per field, in the languages the reader meets (English, Spanish, Portuguese, German,
// French, Italian, Dutch, Japanese, Chinese, Russian).
const FIELD_OF = new Map<string, LabelledField>();
const add = (field: LabelledField, labels: string) => {
  for (const l of labels.split('|')) FIELD_OF.set(l, field);
};
add('title', 'title|paper title|article title|título|titulo|título do artigo|titel|titre|titolo|タイトル|題目|題名|論文名|标题|題目名|название|заглавие');
add('authors', 'author|authors|author(s)|autor|autores|autor(es)|autoren|auteur|auteurs|autori|auteurs et autrices|著者|著者名|作者|авторы|автор');
add('year', 'year|publication year|year of publication|año|ano|jahr|erscheinungsjahr|année|anno|jaar|発行年|出版年|年|年份|发表年份|год');
add(
  'venue',
  'journal|venue|conference|published in|source|revista|periódico|periodico|fuente|fonte|zeitschrift|erschienen in|quelle|revue|publié dans|rivista|tijdschrift|雑誌|掲載誌|雑誌名|期刊|会议|журнал|источник',
);

/** The labels that open a line in most of the group's blocks (lower-cased), or an empty set. */
export function repeatedFieldLabels(members: Element[]): Set<string> {
  const count = new Map<string, number>();
  for (const m of members) {
    const here = new Set<string>();
    for (const line of linesOf(m, 4000)) {
      const label = labelOf(line);
      if (label) here.add(label);
    }
    for (const l of here) count.set(l, (count.get(l) ?? 0) + 1);
  }
  const out = new Set<string>();
  const floor = Math.max(3, SHARE * members.length);
  for (const [l, n] of count) if (n >= floor) out.add(l);
  return out.size >= MIN_LABELS ? out : new Set();
}

function labelOf(line: string): string | undefined {
  const m = LABELLED.exec(line);
  if (!m) return undefined;
  const label = m[1]!.trim().toLowerCase();
  if (!label || label.split(/\s+/).length > MAX_LABEL_WORDS) return undefined;
  return label;
}

export interface Labelled {
  /** The block's lines with the group's labels cut off. */
  lines: string[];
  /** The value of each labelled field the block states (the first line of each). */
  fields: Partial<Record<LabelledField, string>>;
}

/** A block's lines read through the group's labels: each labelled line's value, and the fields the labels name. */
export function readLabels(lines: string[], labels: ReadonlySet<string>): Labelled {
  const fields: Partial<Record<LabelledField, string>> = {};
  const out = lines.map((line) => {
    const m = LABELLED.exec(line);
    const label = m?.[1]!.trim().toLowerCase();
    if (!m || !label || !labels.has(label)) return line;
    const value = m[2]!.trim();
    const field = FIELD_OF.get(label);
    if (field && fields[field] === undefined) fields[field] = value;
    return value;
  });
  return { lines: out, fields };
}
