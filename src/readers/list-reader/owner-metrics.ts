// The figures a page states beside its owner's name ("h-index 23",
// "Citations 12,415", "Papers 60"), as AI-paper aggregators and researcher
// portals print them above a person's list. Only what the page states is
// kept (capture format: person.metrics is never computed here); the words
// are matched in a few languages, the place is found by structure: the
// smallest box around the owner's name that holds such a figure.

import type { StatedMetrics } from '../../core/capture';
import { cleanText, parseCount } from '../../core/text';
import { linesOf } from './lines';

// A number as pages print it: "12,415", "12.415", "12\u00a0415" (not a plain space: "h-index 23 120 citations" is two
// figures); "12k" is not taken (a rounded figure is not the page's count).
const NUM = String.raw`(\d{1,3}(?:[,.\u00a0\u202f]\d{3})+|\d+)(?![\d.,]*\s*[kKmM]\b)`;
const SEP = String.raw`\s*(?:[:：|]\s*)?`;

const LABELS: { key: keyof StatedMetrics; label: string }[] = [
  { key: 'hIndex', label: String.raw`h[\s-]?index|índice\s+h|indice\s+h|h[\s-]?indeks|h指数|h-?Index` },
  { key: 'i10Index', label: String.raw`i10[\s-]?index|índice\s+i10|indice\s+i10|i10指数` },
  { key: 'citations', label: String.raw`citations?|cited\s+by|citas|citaciones|citações|citacoes|zitationen|zitierungen|citazioni|被引用数?|引用数?|引用次数` },
  { key: 'papers', label: String.raw`papers?|publications?|publicaciones|publicações|publicacoes|publikationen|articles?|artículos|artigos|論文数?|论文数?|発表数` },
];

/** Label then number ("h-index 23", "Citations: 12,415") or number then label ("60 papers"). */
function figuresIn(text: string): StatedMetrics {
  const out: StatedMetrics = {};
  for (const { key, label } of LABELS) {
    const after = new RegExp(String.raw`(?:^|[^\p{L}\d])(?:${label})${SEP}${NUM}`, 'iu').exec(text);
    const before = after ? undefined : new RegExp(String.raw`(?:^|[^\p{L}\d.,])${NUM}\s*(?:${label})(?![\p{L}])`, 'iu').exec(text);
    const n = parseCount((after ?? before)?.[1]);
    if (n !== undefined) out[key] = n;
  }
  return out;
}

function nameKey(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[^\p{L}]+/gu, ' ').trim();
}

/**
 * The figures stated beside `owner`'s name: from the element showing the name
 * (a heading first), up to four boxes out, the first box whose short lines
 * state at least one figure, short of the box that holds the list of works.
 * Only lines of a few words count, so a sentence ("… 60 papers on …") does
 * not; nothing when the name is not shown.
 */
export function ownerMetrics(doc: Document, owner: string | undefined, list: readonly Element[] = []): StatedMetrics | undefined {
  if (!owner) return undefined;
  const want = nameKey(owner);
  if (!want) return undefined;
  const candidates = Array.from(doc.querySelectorAll('h1, h2, h3, h4, [class*="name" i], strong, b, span, div, a')).slice(0, 5000);
  const nameEl = candidates.find((el) => (el.textContent?.length ?? 0) <= 120 && nameKey(cleanText(el.textContent) ?? '') === want);
  if (!nameEl) return undefined;
  let box: Element | null = nameEl.parentElement;
  for (let depth = 0; box && depth < 4; depth++, box = box.parentElement) {
    // A box holding the list of works is past the profile header: the works' own counts ("Cited by 10") are not the owner's.
    if (list.some((m) => box!.contains(m))) break;
    const lines = linesOf(box, 4000);
    if (lines.length > 60) break;
    const short = lines.filter((l) => l.length <= 60);
    const figures = figuresIn(short.join(' | '));
    if (Object.keys(figures).length) return figures;
  }
  return undefined;
}
