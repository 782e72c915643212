// A user's own bibliography file (CSL-JSON, BibTeX, or a Publish or Perish
// CSV of saved results) as a capture, so it takes part in merging like any page. BibTeX goes through
// @citation-js/plugin-bibtex, which decodes LaTeX ({\"o} → ö, \& → &) and
// BibTeX name syntax better than a hand-written reader would. The file is
// read entry by entry (bibtex-read.ts): a broken entry is repaired or named
// in the problems, never the reason the whole file is lost.
//
// A bibliography is a `list` capture: its works are not anybody's until the
// user says whose it is (`owner`), which makes it an `author` capture.

import { CAPTURE_FORMAT, CAPTURE_VERSION, WORK_ID_KEYS, type Capture, type Work, type WorkIdKey, type WorkType } from '../core/capture';
import { validateCapture } from '../core/validate';
import { canonicalArxiv, canonicalDoi, cleanText, compact } from '../core/text';
import { displayName, type CslName } from './names';
import { readBibtexEntries, type ImportProblem } from './bibtex-read';
import { scanBibtex, splitFields, plainValue } from './bibtex-scan';
import { isPopCsv, readPopCsv } from './pop-csv';

import { BIBLIOGRAPHY_SOURCE, importUrl } from './bibliography';
import { own } from '../core/lookup';

export { BIBLIOGRAPHY_SOURCE, importUrl };
export type { ImportProblem };

export interface ImportOptions {
  /** The user says this is their own bibliography: the capture becomes their author capture. */
  owner?: string;
  now?: Date;
  /**
   * The owner's Google Scholar profile id: al-folio's `google_scholar_id` (a
   * Scholar row without its profile part) becomes the row's full Scholar id.
   */
  scholarUser?: string;
}

export interface ImportResult {
  capture: Capture;
  /** Entries left out or repaired, each with its key and line, in file order. Empty for CSL-JSON. */
  problems: ImportProblem[];
}

/** A file with no usable entry at all. Anything less is a problem in ImportResult. */
export class ImportError extends Error {}

const FROM_CSL_TYPE: Record<string, WorkType> = {
  'article-journal': 'article',
  'article-magazine': 'article',
  'article-newspaper': 'article',
  article: 'preprint',
  manuscript: 'preprint',
  'paper-conference': 'conference',
  chapter: 'chapter',
  'entry-encyclopedia': 'chapter',
  book: 'book',
  thesis: 'thesis',
};

/**
 * The file as a capture, and what could not be read in it. Throws ImportError
 * only when the file is neither CSL-JSON nor BibTeX with at least one usable entry.
 */
export function readBibliography(text: string, fileName: string, opts: ImportOptions = {}): ImportResult {
  const body = text.replace(/^\uFEFF/, '');
  const isJson = /^\s*[[{]/.test(body);
  const pop = !isJson && isPopCsv(body) ? readPopCsv(body) : undefined;
  const read = pop
    ? { items: [], at: [], problems: pop.problems }
    : isJson
      ? { items: readCslJson(body), at: [], problems: [] as ImportProblem[] }
      : readBibtex(body, opts);
  let problems = [...read.problems];
  // A Publish or Perish file gives works directly (with their citation counts); the others CSL items.
  const works: Work[] = [...(pop?.works ?? [])];
  read.items.forEach((item, i) => {
    const w = cslToWork(item);
    const where = read.at[i];
    if (w) works.push(w);
    else if (where) problems.push({ ...where, message: 'no title or abstract, left out', skipped: true });
  });
  // An entry repaired and then left out for want of a title is reported once, as left out.
  const leftOut = new Set(problems.filter((p) => p.skipped).map((p) => p.line));
  problems = problems.filter((p) => p.skipped || !p.line || !leftOut.has(p.line)).sort((a, b) => a.line - b.line);
  if (!works.length) {
    const first = problems.find((p) => p.skipped);
    throw new ImportError(`${fileName}: no entry with a title was found${first ? ` (${describeProblem(first)})` : ''}`);
  }
  const owner = cleanText(opts.owner);
  const capture: Capture = {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    source: BIBLIOGRAPHY_SOURCE,
    pageKind: owner ? 'author' : 'list',
    url: importUrl(fileName),
    capturedAt: (opts.now ?? new Date()).toISOString(),
    ...(owner ? { person: { name: owner } } : {}),
    works,
  };
  const notes: string[] = [];
  const untitled = pop ? pop.problems.length : read.items.length - works.length;
  if (untitled) notes.push(`${untitled} entr${untitled === 1 ? 'y' : 'ies'} without a title or abstract left out`);
  const skipped = problems.filter((p) => p.skipped && p.message !== 'no title or abstract, left out');
  if (skipped.length) notes.push(`${skipped.length} entr${skipped.length === 1 ? 'y' : 'ies'} not imported: ${skipped.map(describeProblem).join('; ')}`);
  if (notes.length) capture.notes = notes;
  const check = validateCapture(capture);
  if (!check.ok) throw new ImportError(`${fileName}: ${check.errors.join('; ')}`);
  return { capture, problems };
}

/** The capture alone (see readBibliography for what was left out). */
export function importBibliography(text: string, fileName: string, opts: ImportOptions = {}): Capture {
  return readBibliography(text, fileName, opts).capture;
}

/** "key (line 12): message"; a problem of the whole file is its message alone. */
export function describeProblem(p: ImportProblem): string {
  if (!p.line) return p.message;
  return `${p.key ? `${p.key} ` : ''}(line ${p.line}): ${p.message}`;
}

function readCslJson(text: string): Record<string, unknown>[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportError(`not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const list = Array.isArray(data) ? data : isObj(data) && Array.isArray(data.items) ? data.items : [data];
  return list.filter(isObj);
}

function readBibtex(text: string, opts: ImportOptions): ReturnType<typeof readBibtexEntries> {
  const read = readBibtexEntries(text, opts.scholarUser ? { scholarUser: opts.scholarUser } : {});
  if (!read.entries) throw new ImportError('not readable as BibTeX: no @type{…} entry found');
  return read;
}

/** citation key → arXiv id, for entries with eprint + archivePrefix/eprinttype arXiv. */
export function arxivEprints(bib: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of scanBibtex(bib)) {
    if (!e.key) continue;
    const fields = splitFields(e.body, !!e.damage);
    const field = (name: string) => {
      const f = fields.find((x) => x.name === name);
      return f ? plainValue(f.value) : undefined;
    };
    const prefix = field('archiveprefix') ?? field('eprinttype');
    const id = prefix && /arxiv/i.test(prefix) ? canonicalArxiv(field('eprint')) : undefined;
    if (id) out.set(e.key, id);
  }
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? cleanText(v) : typeof v === 'number' ? String(v) : undefined);

/** A name as the file holds it, its parts read as text only (a part that is an object is left out, not trusted). */
function cslName(n: Record<string, unknown>): CslName {
  const family = str(n.family);
  const given = str(n.given);
  const particle = str(n['non-dropping-particle']);
  const literal = str(n.literal);
  return { ...(family ? { family } : {}), ...(given ? { given } : {}), ...(particle ? { 'non-dropping-particle': particle } : {}), ...(literal ? { literal } : {}) };
}

export function cslToWork(item: Record<string, unknown>): Work | undefined {
  const title = str(item.title);
  const abstract = str(item.abstract);
  if (!title && !abstract) return undefined;
  const authors = Array.isArray(item.author)
    ? item.author.filter(isObj).map((n) => cleanText(displayName(cslName(n)))).filter((n): n is string => !!n)
    : [];
  const parts = dateParts(item.issued);
  const year = parts?.[0];
  const date =
    parts && parts.length > 1
      ? parts.map((p, i) => (i === 0 ? String(p) : String(p).padStart(2, '0'))).join('-')
      : undefined;
  const doi = canonicalDoi(str(item.DOI));
  const url = str(item.URL);
  const arxiv =
    (/arxiv/i.test(str(item.archive) ?? '') || /^arxiv:/i.test(str(item.number) ?? '') ? canonicalArxiv(str(item.number)) : undefined) ??
    (doi && /^10\.48550\/arxiv\./.test(doi) ? canonicalArxiv(doi.slice('10.48550/arxiv.'.length)) : undefined) ??
    (url && /arxiv\.org\/(?:abs|pdf)\//i.test(url) ? canonicalArxiv(url.split(/arxiv\.org\/(?:abs|pdf)\//i)[1]) : undefined);
  const ids: Partial<Record<WorkIdKey, string>> = compact({
    doi: doi && !/^10\.48550\/arxiv\./.test(doi) ? doi : undefined,
    arxiv,
    pmid: str(item.PMID),
    pmcid: str(item.PMCID),
  });
  // Ids Scholar Lens itself exported in `custom` come back as they were.
  const custom = isObj(item.custom) && isObj(item.custom.scholarLens) && isObj(item.custom.scholarLens.ids) ? item.custom.scholarLens.ids : {};
  for (const k of WORK_ID_KEYS) {
    const v = str(custom[k]);
    if (v && !ids[k]) ids[k] = v;
  }
  const type = own(FROM_CSL_TYPE, str(item.type) ?? '');
  return compact<Work>({
    title,
    authors,
    year: year !== undefined && year > 0 ? year : undefined,
    date,
    venue: str(item['container-title']) ?? str(item['event-title']) ?? (type === 'book' ? str(item.publisher) : undefined),
    abstract,
    ids,
    url: url && /^https?:\/\//i.test(url) ? url : undefined,
    type: type ?? (arxiv && !doi ? 'preprint' : undefined),
  });
}

function dateParts(issued: unknown): number[] | undefined {
  if (!isObj(issued) || !Array.isArray(issued['date-parts'])) return undefined;
  const first: unknown = issued['date-parts'][0];
  if (!Array.isArray(first)) return undefined;
  // Numbers and numeric text only: Number() of an object runs the file's own toString/valueOf (or throws).
  const nums = first.map((x) => (typeof x === 'number' ? x : typeof x === 'string' ? Number(x) : NaN)).filter((n) => Number.isInteger(n) && n > 0);
  return nums.length ? nums.slice(0, 3) : undefined;
}
