// Exact-match accuracy of parseCitation against AnyStyle's gold parts, field by
// field, over the strings whose gold has that field (normalizations in dataset.ts).

import { goldOf, normPages, normTitle, normVolume, type LabeledSequence } from './dataset';
import { familyOf, parseCitation, splitAuthors, type ParsedCitation } from './index';

export const SCORED_FIELDS = ['title', 'year', 'first author', 'venue', 'volume', 'pages'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface FieldScore {
  right: number;
  of: number;
  /** Strings whose gold lacks the field but the parser gave one. */
  extra: number;
}

export type Scores = Record<ScoredField, FieldScore>;

const fold = (s: string | undefined): string | undefined => s?.normalize('NFC').toLowerCase();
const stripIn = (s: string | undefined): string | undefined => normTitle(s?.replace(/^(?:in|dans|en|im)\s*:?\s+/i, '').replace(/^[([]+|[)\]]+$/g, ''));

/** The gold and the parser's value of each scored field, normalized alike. */
export function fieldPairs(seq: LabeledSequence, parsed: ParsedCitation = parseCitation(seq.text)): Record<ScoredField, [string | undefined, string | undefined]> {
  const g = goldOf(seq);
  return {
    title: [g.title, normTitle(parsed.title)],
    year: [g.year?.toString(), parsed.year?.toString()],
    'first author': [fold(familyOf(splitAuthors(g.authorText)[0])), fold(familyOf(parsed.authors?.[0]))],
    venue: [stripIn(g.venue), stripIn(parsed.venue)],
    volume: [g.volume, normVolume(parsed.volume)],
    pages: [g.pages, normPages(parsed.pages)],
  };
}

export function measure(seqs: LabeledSequence[]): Scores {
  const scores = Object.fromEntries(SCORED_FIELDS.map((f) => [f, { right: 0, of: 0, extra: 0 }])) as Scores;
  for (const seq of seqs) {
    const pairs = fieldPairs(seq);
    for (const f of SCORED_FIELDS) {
      const [gold, got] = pairs[f];
      const s = scores[f];
      if (gold === undefined) {
        if (got !== undefined) s.extra++;
        continue;
      }
      s.of++;
      if (got === gold) s.right++;
    }
  }
  return scores;
}

export const pct = (s: FieldScore): number => (s.of ? (100 * s.right) / s.of : 0);

/** A markdown table: one row per field, one column per named set. */
export function scoreTable(sets: Record<string, Scores>): string {
  const names = Object.keys(sets);
  const head = `| field | ${names.join(' | ')} |\n| --- | ${names.map(() => '---:').join(' | ')} |\n`;
  const rows = SCORED_FIELDS.map((f) => `| ${f} | ${names.map((n) => { const s = sets[n]![f]; return `${pct(s).toFixed(1)} % (${s.right}/${s.of})`; }).join(' | ')} |`);
  return head + rows.join('\n') + '\n';
}
