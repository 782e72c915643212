// A citation string ("Luo G, Liu T. Title. Journal, 2023;5(3):e220082") cut
// into its parts, without a page: every token is labelled by a small learned
// sequence model (features.ts, decode.ts, weights in model.ts trained by
// train.ts on AnyStyle's labelled strings), then the labelled spans become
// fields. Pure, deterministic, never throws.

import { cleanText, parseYear } from '../../core/text';
import { MODEL_BUCKETS, MODEL_LABELS, MODEL_START, MODEL_TRANSITIONS, MODEL_WEIGHTS_BASE64, RANKER_BUCKETS, RANKER_GAP, RANKER_WEIGHTS_BASE64 } from './model';
import { emissions, forwardPath, maxMarginals, viterbi, type LinearModel } from './decode';
import { LABELS, normPages, normTitle } from './dataset';
import { boundaryClasses, featureBuckets, tokenize } from './features';
import { findIds, type CitationIds } from './identifiers';
import { bestCandidate, firstStageTitle, quotedTitle, titleCandidates, type RankerModel } from './title-ranker';
import { splitAuthors } from './names';

export { familyOf, splitAuthors } from './names';

export interface ParsedCitation {
  title?: string;
  authors?: string[];
  venue?: string;
  year?: number;
  volume?: string;
  issue?: string;
  pages?: string;
  ids?: CitationIds;
  /** 0..1: how sure the parser is that the string cites a work at all. */
  confidence: number;
}

export type TokenLabel = (typeof LABELS)[number];

function int8Of(b64: string): Int8Array {
  const bin = atob(b64);
  const w = new Int8Array(bin.length);
  for (let i = 0; i < bin.length; i++) w[i] = (bin.charCodeAt(i) << 24) >> 24;
  return w;
}

let model: LinearModel | undefined;
function theModel(): LinearModel {
  model ??= { buckets: MODEL_BUCKETS, labels: MODEL_LABELS.length, weights: int8Of(MODEL_WEIGHTS_BASE64), transitions: MODEL_TRANSITIONS, start: MODEL_START };
  return model;
}
let ranker: RankerModel | undefined;
function theRanker(): RankerModel {
  ranker ??= { buckets: RANKER_BUCKETS, gap: RANKER_GAP, weights: int8Of(RANKER_WEIGHTS_BASE64) };
  return ranker;
}
const TAG_INDEX = (t: string): number => (MODEL_LABELS as readonly string[]).indexOf(t);
const TITLE_TAGS = { b: TAG_INDEX('title.B'), i: TAG_INDEX('title'), e: TAG_INDEX('title.E') };
const baseOf = (path: number[]): TokenLabel[] => path.map((y) => MODEL_LABELS[y]!.split('.')[0] as TokenLabel);

// Longer strings are not one citation; cutting keeps the time per string bounded.
const MAX_TOKENS = 200;

/**
 * The tokens of a string with the label the model gives each: the tagger's
 * best labelling, then (unless the tagger's title is quoted) the title span the ranker prefers (title-ranker.ts);
 * when that differs from the tagger's, or when the tagger labelled title words
 * outside its title too, the labelling is decoded again with the chosen span as
 * the title and no title elsewhere, so the other parts agree.
 */
export function labelTokens(text: string): { tokens: string[]; labels: TokenLabel[] } {
  const tokens = tokenize(text).slice(0, MAX_TOKENS);
  const m = theModel();
  const bound = boundaryClasses(tokens);
  const em = emissions(m, featureBuckets(tokens, m.buckets, bound));
  const fw = forwardPath(m, em, bound);
  const base = baseOf(fw.path);
  const had = firstStageTitle(base, tokens);
  // One title: when the tagger's title stands and it labelled title words
  // elsewhere too (a stray "Space, and Matter." after the title), the string is
  // decoded again with that title alone, as when the ranker moves it, so the
  // words left over take the label they fit best (most often the container).
  const one = (labels: TokenLabel[]): TokenLabel[] => (had && labels.some((l, i) => l === 'title' && (i < had[0] || i >= had[1])) ? forceTitle(m, em, bound, had) : labels);
  // A quoted title is kept as the tagger found it: no backward pass, no ranker.
  if (quotedTitle(tokens, had)) return gostCut(m, em, bound, tokens, one(base), had);
  const mm = maxMarginals(m, em, bound, fw);
  const pick = bestCandidate(theRanker(), titleCandidates(m, em, bound, TITLE_TAGS, tokens, base, RANKER_BUCKETS, mm));
  if (!pick || (pick.a < 0 ? !had : had && had[0] === pick.a && had[1] === pick.b)) return gostCut(m, em, bound, tokens, one(base), had);
  if (pick.a < 0) return { tokens, labels: forceTitle(m, em, bound, undefined) };
  const labels = forceTitle(m, em, bound, [pick.a, pick.b]);
  return gostCut(m, em, bound, tokens, labels, [pick.a, pick.b]);
}

/** The best labelling with `span` exactly the title and no title elsewhere (no title at all when undefined). */
function forceTitle(m: LinearModel, em: Float64Array[], bound: Uint8Array, span: readonly [number, number] | undefined): TokenLabel[] {
  const T = [TITLE_TAGS.b, TITLE_TAGS.i, TITLE_TAGS.e];
  const forced = em.map((e, i) => {
    const f = Float64Array.from(e);
    const inSpan = !!span && i >= span[0] && i < span[1];
    const want = !span ? -1 : i === span[0] ? TITLE_TAGS.b : i === span[1] - 1 ? TITLE_TAGS.e : TITLE_TAGS.i;
    for (let y = 0; y < f.length; y++) if (inSpan ? y !== want : T.includes(y)) f[y] = -1e9;
    return f;
  });
  return baseOf(viterbi(m, forced, bound));
}

// GOST 7.1's "//" stands between a work and the host it appeared in: a title
// never runs across it (2 of AnyStyle's 10 392 gold titles do; the parser's
// titles did on 6 train and 3 dev strings, all of them wrong).
const GOST_SEP = /^\/\//u;
function gostCut(m: LinearModel, em: Float64Array[], bound: Uint8Array, tokens: string[], labels: TokenLabel[], span: readonly [number, number] | undefined): { tokens: string[]; labels: TokenLabel[] } {
  if (!span) return { tokens, labels };
  for (let k = span[0] + 1; k < span[1]; k++) if (GOST_SEP.test(tokens[k]!)) return { tokens, labels: forceTitle(m, em, bound, [span[0], k]) };
  return { tokens, labels };
}

interface Span {
  label: TokenLabel;
  text: string;
  start: number;
}

function spansOf(tokens: string[], labels: TokenLabel[]): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const last = out[out.length - 1];
    if (last && last.label === labels[i]) last.text += ' ' + tokens[i];
    else out.push({ label: labels[i]!, text: tokens[i]!, start: i });
  }
  return out;
}

const GBT_MARK = /\[(?:[JMCDRSPNZAG]|EB|[JMCD]?\/?OL|EB\/OL|DB\/OL)\]\s*[.,]?$/u;

// A GB/T 7714 document-type mark ("…研究[J].") closes the title by definition,
// and the training strings hold almost no Chinese ones to learn that from: the
// words from the last stop before the mark up to it are the title.
function markedTitle(tokens: string[], labels: TokenLabel[]): void {
  const i = tokens.findIndex((t) => GBT_MARK.test(t));
  if (i < 0 || labels[i] === 'title') return;
  let j = i;
  while (j > 0 && !/[.,]$/u.test(tokens[j - 1]!)) j--;
  for (let k = j; k <= i; k++) labels[k] = 'title';
}

// Chinese GB/T 7714 document-type marks ("[J]" journal article, "[M]" book …) and
// the GOST "//" before the container are punctuation, not title.
function cleanTitle(s: string | undefined): string | undefined {
  const t = normTitle(s?.replace(/\s*\[(?:[JMCDRSPNZAG]|EB|[JMCD]?\/?OL|EB\/OL|DB\/OL)\]\s*[.,]?$/u, '').replace(/[\s/]+$/u, ''));
  return t && /[\p{L}\p{N}]/u.test(t) ? t : undefined;
}

function venueOf(s: string | undefined): string | undefined {
  const t = s?.replace(/^(?:in|dans|en|im)\s*:?\s+/i, '');
  return cleanTitle(t?.replace(/^[([/\s]+|[)\]]+$/g, ''));
}

function volumeOf(s: string): { volume?: string; issue?: string } {
  const vi = /(\d+)\s*\(\s*([^)]+?)\s*\)/.exec(s);
  if (vi) return { volume: vi[1], issue: vi[2] };
  const v = /\d+/.exec(s);
  const no = /\b(?:no|nr|n°|issue|num|heft)\.?\s*(\d+)/i.exec(s);
  const vol = v && (!no || v.index < no.index) ? v[0] : undefined;
  return { volume: vol, issue: no?.[1] };
}

// "2023 Apr 26;5(3):e220082" and "14(2):112-19": volume(issue):pages run together, as Vancouver writes them.
const VANCOUVER_VIP = /(?:^|[;\s])(\d{1,5})\s*(?:\(([^()]{1,12})\))?\s*:\s*([A-Za-z]{0,2}\d+(?:\s*[-–]\s*[A-Za-z]{0,2}\d+)?)(?![\d/])/;

const GLUED_YEAR_VIP = /(?:^|[\s.,])((?:1[5-9]|20)\d\d)(?:\s+[A-Z][a-z]{2}(?:\s+\d{1,2})?)?;\s*(\d{1,5})(?:\s*\(([^()]{1,12})\))?(?:\s*:\s*([A-Za-z]{0,2}\d+(?:\s*[-–]\s*[A-Za-z]{0,2}\d+)?))?/;

export function parseCitation(text: string): ParsedCitation {
  try {
    return parse(text);
  } catch {
    return { confidence: 0 };
  }
}

function parse(input: string): ParsedCitation {
  const text = cleanText(typeof input === 'string' ? input : '');
  if (!text) return { confidence: 0 };
  const { tokens, labels } = labelTokens(text);
  markedTitle(tokens, labels);
  const spans = spansOf(tokens, labels);
  const first = (l: TokenLabel): Span | undefined => spans.find((s) => s.label === l);

  const out: ParsedCitation = { confidence: 0 };
  const title = cleanTitle(titleSpan(spans)?.text);
  if (title) out.title = title;
  const authors = splitAuthors(first('author')?.text);
  if (authors.length) out.authors = authors;
  const venue = venueOf(first('container')?.text);
  if (venue) out.venue = venue;

  const date = first('date');
  let year = date ? parseYear(date.text) : undefined;
  if (year === undefined) {
    // A year the model did not label: a standalone four-digit token outside the title.
    for (let i = 0; i < tokens.length && year === undefined; i++) {
      if (labels[i] === 'title' || labels[i] === 'id') continue;
      const m = /^[([]?((?:1[5-9]|20)\d\d)[a-z]?[)\].,;:]*$/.exec(tokens[i]!);
      if (m) year = Number(m[1]);
    }
  }
  if (year !== undefined) out.year = year;

  // Vancouver glues "2020;48(D1):D100-D108" into one token: read it whole, whatever its label.
  const glued = GLUED_YEAR_VIP.exec(text);
  if (glued) {
    out.year ??= Number(glued[1]);
    out.volume = glued[2];
    if (glued[3]) out.issue = glued[3];
    if (glued[4]) out.pages = glued[4].replace(/\s*[-–]\s*/, '-');
  }
  const vol = glued ? undefined : first('volume');
  if (vol) Object.assign(out, dropEmpty(volumeOf(vol.text)));
  const pages = out.pages ? undefined : first('pages');
  const p = pages ? normPages(pages.text.replace(/^(?:pp?|s|pages?)\.?\s*/i, '')) : undefined;
  if (p) out.pages = p;
  if (!out.volume || !out.pages) {
    const m = VANCOUVER_VIP.exec(text);
    if (m) {
      out.volume ??= m[1];
      if (m[2] && !out.issue) out.issue = m[2];
      out.pages ??= m[3]!.replace(/\s*[-–]\s*/, '-');
    }
  }
  const ids = findIds(text);
  if (Object.keys(ids).length) out.ids = ids;
  out.confidence = confidenceOf(out, tokens.length, authors, first('author')?.text, text);
  return out;
}

// The title: the first title span, unless a later one is much longer (a stray
// first word labelled title, then the real title after the authors).
function titleSpan(spans: Span[]): Span | undefined {
  let best: Span | undefined;
  for (const s of spans) {
    if (s.label !== 'title') continue;
    if (!best || s.text.length > best.text.length * 2) best = s;
  }
  return best;
}

function dropEmpty<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== '')) as Partial<T>;
}

// How much the parts found look like a citation: a title with authors and a
// year is one; a sentence of prose or a menu line rarely yields more than a
// "title". Hand-set weights, checked on the dev strings and on non-citations.
// Words of pages' furniture, never of a citation string.
const FURNITURE = /\b(?:copyright|all rights reserved|click|log ?in|sign (?:in|up)|home|contact|menu|next page|previous page|privacy|cookies?|download(?:s)?|subscribe|search)\b|©/i;
const NAME_LIKE = /(?:^|[\s,])\p{Lu}\.|\b\p{Lu}{1,3}\b|,|\p{Script=Han}/u;

function confidenceOf(c: ParsedCitation, n: number, authors: string[], authorText: string | undefined, text: string): number {
  let s = 0;
  if (c.title) s += 0.3;
  if (authors.length) s += authors.length > 1 || (authorText && NAME_LIKE.test(authorText)) ? 0.25 : 0.1;
  if (c.year !== undefined) s += 0.2;
  if (c.venue) s += 0.15;
  if (c.volume || c.pages) s += 0.1;
  if (c.ids && (c.ids.doi || c.ids.arxiv || c.ids.pmid || c.ids.pmcid || c.ids.isbn)) s += 0.3;
  // A title and nothing else is what any sentence or menu line looks like.
  if (c.title && c.year === undefined && !authors.length && !c.venue && !c.ids) s = 0.15;
  if (c.year === undefined && !authors.length && !c.ids) s = Math.min(s, 0.3);
  if (FURNITURE.test(text)) s *= 0.4;
  if (n < 3) s *= 0.3;
  else if (n < 5) s *= 0.7;
  if (n > 120) s *= 0.5;
  return Math.round(Math.min(1, s) * 100) / 100;
}
