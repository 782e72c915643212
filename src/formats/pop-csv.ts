// Publish or Perish's CSV ("Save as CSV" of a results list), read and
// written, so people can move between the two tools. The columns are PoP's
// (older versions stop after `Type` or after `Age`); Authors is one cell,
// "AG Meyer, J Smith". Reading gives works that become a bibliography
// capture through src/formats/import.ts, like a BibTeX file: they merge with
// the pages Scholar Lens read. The volume, issue and pages are put back into
// the venue in Scholar's form ("Journal 4 (2), 197-211"), which is how every
// other venue arrives and what the exports split again (venue.ts).

import type { Work, WorkType } from '../core/capture';
import { canonicalDoi, cleanText, compact } from '../core/text';
import type { ImportProblem } from './bibtex-read';
import type { CslItem } from './csl';
import { parseCsv, toCsv, type Cell } from './csv';
import { initialsName } from './names';

export const POP_COLUMNS = [
  'Cites', 'Authors', 'Title', 'Year', 'Source', 'Publisher', 'ArticleURL', 'CitesURL', 'GSRank', 'QueryDate', 'Type',
  'DOI', 'ISSN', 'CitationURL', 'Volume', 'Issue', 'StartPage', 'EndPage', 'ECC', 'CitesPerYear', 'CitesPerAuthor',
  'AuthorCount', 'Age', 'Abstract', 'FullTextURL', 'RelatedURL',
] as const;

// PoP's Type column holds Crossref's work types for Crossref searches (and Scholar's
// [BOOK], [CITATION], [PDF], [HTML] marks for Scholar ones); both directions use Crossref's names.
const POP_TYPE: Record<string, string> = {
  'article-journal': 'journal-article',
  'paper-conference': 'proceedings-article',
  chapter: 'book-chapter',
  book: 'book',
  article: 'posted-content',
  thesis: 'dissertation',
  patent: 'patent',
};
const FROM_POP_TYPE: Record<string, WorkType> = {
  'journal-article': 'article',
  'proceedings-article': 'conference',
  'book-chapter': 'chapter',
  book: 'book',
  'posted-content': 'preprint',
  dissertation: 'thesis',
};

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * One row per item in PoP's columns. `now` is the query date (QueryDate) and
 * the year ages count from: age = that year − year + 1, as PoP counts it.
 * Cites is left empty when no site gave a count: unknown, not 0.
 */
export function toPopCsv(items: readonly CslItem[], now: Date): string {
  return toCsv(POP_COLUMNS, items.map((it, i) => popRow(it, i, now)));
}

/** The PoP row of the item at `index` (0-based; GSRank is index + 1) of the list. */
export function popRow(it: CslItem, index: number, now: Date): Cell[] {
  const queryYear = now.getUTCFullYear();
  const x = it.custom?.scholarLens ?? {};
  const cites = x.citations;
  const year = it.issued?.['date-parts'][0]?.[0];
  const age = year !== undefined ? Math.max(1, queryYear - year + 1) : undefined;
  const authors = it.author ?? [];
  const [start, end] = it.page?.split('-') ?? [];
  return [
    cites,
    authors.map(initialsName).join(', ') || undefined,
    it.title,
    year,
    // Scholar's (and PoP's) own forms for a preprint's and a patent's source, which read back to the same item.
    it['container-title'] ?? (it.type === 'patent' ? it.number : it.archive === 'arXiv' && it.number ? `arXiv preprint ${it.number}` : undefined),
    it.publisher,
    it.URL,
    undefined,
    index + 1,
    now.toISOString().slice(0, 10),
    POP_TYPE[it.type],
    it.DOI,
    undefined,
    undefined,
    it.volume,
    it.issue,
    start,
    end,
    cites,
    cites !== undefined && age !== undefined ? round2(cites / age) : undefined,
    cites !== undefined && authors.length ? round2(cites / authors.length) : undefined,
    authors.length || undefined,
    age,
    it.abstract,
    undefined,
    undefined,
  ];
}

/** Does the file start with PoP's header (Cites, Authors, Title, …)? */
export function isPopCsv(text: string): boolean {
  const first = parseCsv(text.slice(0, 2000))[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  return first[0] === 'cites' && first.includes('authors') && first.includes('title');
}

/** Our writer (and OWASP's rule) puts an apostrophe before a cell starting with = + - @: taken off again. */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** The works of a PoP CSV file, and the rows left out (by line). */
export function readPopCsv(text: string): { works: Work[]; problems: ImportProblem[] } {
  const [head, ...rows] = parseCsv(text);
  const cols = new Map((head?.cells ?? []).map((c, i) => [c.trim().toLowerCase(), i]));
  const works: Work[] = [];
  const problems: ImportProblem[] = [];
  for (const row of rows) {
    const get = (name: string): string | undefined => {
      const i = cols.get(name.toLowerCase());
      const v = i === undefined ? undefined : row.cells[i];
      return v === undefined ? undefined : cleanText(unguard(v));
    };
    const num = (name: string): number | undefined => {
      const v = get(name);
      const n = v === undefined || v === '' ? Number.NaN : Number(v.replace(/,/g, ''));
      return Number.isFinite(n) ? n : undefined;
    };
    const title = get('Title');
    if (!title) {
      problems.push({ line: row.line, message: 'no title or abstract, left out', skipped: true });
      continue;
    }
    // Scholar cuts long author lists with "…": the names shown are kept, the list marked as cut.
    const names = (get('Authors') ?? '').split(/\s*,\s*/).filter((a) => a !== '');
    const truncated = names.length > 0 && /^(?:…|\.\.\.)$/.test(names.at(-1)!);
    const authors = names.filter((a) => !/^(?:…|\.\.\.)$/.test(a)).map((a) => a.replace(/\s*(?:…|\.\.\.)$/, ''));
    const year = num('Year');
    const cites = num('Cites');
    const url = get('ArticleURL');
    const type = FROM_POP_TYPE[(get('Type') ?? '').toLowerCase()];
    const doi = canonicalDoi(get('DOI'));
    works.push(
      compact<Work>({
        title,
        authors,
        authorsTruncated: truncated || undefined,
        year: year !== undefined && Number.isInteger(year) && year > 0 ? year : undefined,
        venue: venueOf(get('Source'), get('Volume'), get('Issue'), get('StartPage'), get('EndPage')),
        publisher: get('Publisher'),
        abstract: get('Abstract'),
        citations: cites !== undefined && Number.isInteger(cites) && cites >= 0 ? cites : undefined,
        ids: compact({ doi }),
        url: url && /^https?:\/\//i.test(url) ? url : undefined,
        type,
      }),
    );
  }
  return { works, problems };
}

/** "Journal 4 (2), 197-211", Scholar's form, from PoP's separate columns. */
function venueOf(source?: string, volume?: string, issue?: string, start?: string, end?: string): string | undefined {
  if (!source) return undefined;
  let v = source;
  if (volume) v += ` ${volume}${issue ? ` (${issue})` : ''}`;
  if (start) v += `, ${start}${end && end !== start ? `-${end}` : ''}`;
  return v;
}
