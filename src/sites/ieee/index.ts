// IEEE Xplore document pages (ieeexplore.ieee.org/document/<n>). The page has
// no citation_* tags: its record is the JSON object the page's own script
// assigns to `xplGlobal.document.metadata` (the 2020 save names the variable
// `global`). That object literal is cut out of the inline script and parsed as
// JSON (src/adapters/kit/script-json.ts); the script is never run.
//
// Choices:
// - The record must be the page's own: its articleNumber is the number in the
//   address, else the page is not recognized (a stale record is worse than none).
// - title/abstract may carry markup (<sub>, <inline-formula>): its text is kept
//   as shown (markupText), not the "formula stripped" title.
// - date is publicationDate ("June 2013" → 2013-06), the issue or proceedings
//   date, not the conference's days (chronDate) nor the online date.
// - citations is metrics.citationCountPaper, the "Paper citations" figure the
//   page shows (patent citations are not papers).
// - Author affiliations are in the record, but a capture's authors are names
//   only (capture format v1): they are not kept.

import type { Extraction, Work, WorkType } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { arr, at, isRecord, num, str, type Json } from '../../adapters/kit/json';
import { scriptAssignedJson } from '../../adapters/kit/script-json';
import { markupText } from '../../core/entities';
import { canonicalDoi, cleanText, compact, parseYear } from '../../core/text';
import site from './site.json';

const DOCUMENT_PATH = /^\/document\/(\d+)\/?$/;
const METADATA = /\b(?:xplGlobal|global)\.document\.metadata\s*=/;

const text = (v: Json) => {
  const s = str(v);
  return s === undefined ? undefined : cleanText(markupText(s));
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "June 2013", "Oct. 2013", "1 March 2019", "2013" → "2013-06", "2013-10", "2019-03-01", "2013". */
export function ieeeDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = /^(?:(\d{1,2})\s+)?(?:([A-Za-z]{3})[a-z]*\.?\s+)?(\d{4})$/.exec(s.trim());
  if (!m) return undefined;
  const month = m[2] ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
  if (m[2] && !month) return undefined;
  if (!month) return m[1] ? undefined : m[3];
  const mm = String(month).padStart(2, '0');
  return m[1] ? `${m[3]}-${mm}-${m[1].padStart(2, '0')}` : `${m[3]}-${mm}`;
}

function typeOf(md: Record<string, Json>): WorkType | undefined {
  if (md.isConference === true) return 'conference';
  if (md.isJournal === true || md.isEarlyAccess === true) return 'article';
  if (md.isChapter === true) return 'chapter';
  if (md.isBook === true || md.isBookWithoutChapters === true) return 'book';
  if (md.isStandard === true) return 'other';
  const ct = str(md.contentType)?.toLowerCase();
  if (ct === 'conferences') return 'conference';
  if (ct === 'periodicals' || ct === 'journals' || ct === 'early access articles') return 'article';
  return ct ? 'other' : undefined;
}

/** The work an Xplore document record describes, or undefined without a title. */
export function readIeeeRecord(md: Json, url: URL): Work | undefined {
  if (!isRecord(md)) return undefined;
  const title = text(md.title) ?? text(md.formulaStrippedArticleTitle);
  if (!title) return undefined;
  const date = ieeeDate(str(md.publicationDate));
  return compact({
    title,
    authors: arr(md.authors)
      .map((a) => text(at(a, 'name')) ?? cleanText([text(at(a, 'firstName')), text(at(a, 'lastName'))].filter(Boolean).join(' ')))
      .filter((n): n is string => !!n),
    date: date && date.length > 4 ? date : undefined,
    year: parseYear(str(md.publicationYear)) ?? parseYear(date),
    venue: text(md.displayPublicationTitle) ?? text(md.publicationTitle),
    publisher: text(md.publisher),
    abstract: text(md.abstract),
    citations: num(at(md, 'metrics', 'citationCountPaper')),
    ids: compact({ doi: canonicalDoi(str(md.doi)) }),
    url: `https://ieeexplore.ieee.org/document/${DOCUMENT_PATH.exec(url.pathname)?.[1] ?? ''}`,
    type: typeOf(md),
  });
}

function extract(doc: Document, url: URL): Extraction {
  const number = DOCUMENT_PATH.exec(url.pathname)?.[1];
  if (!number) return { pageKind: 'unrecognized', notes: ['IEEE Xplore: not a document page'] };
  const md = scriptAssignedJson(doc, METADATA);
  if (md === undefined) return { pageKind: 'unrecognized', notes: ['IEEE Xplore: the page holds no document record (xplGlobal.document.metadata)'] };
  const article = str(at(md, 'articleNumber')) ?? str(at(md, 'articleId'));
  if (article !== number)
    return { pageKind: 'unrecognized', notes: [`IEEE Xplore: the page's record is document ${article ?? '(none)'}, not ${number}`] };
  const work = readIeeeRecord(md, url);
  if (!work) return { pageKind: 'unrecognized', notes: ['IEEE Xplore: the document record has no title'] };
  return { pageKind: 'paper', works: [work] };
}

export const ieeeAdapter: SiteAdapter = {
  ...site,
  rules: [
    {
      kind: 'paper',
      pattern: /^ieeexplore\.ieee\.org\/document\/\d+\/?$/,
      examples: ['https://ieeexplore.ieee.org/document/6649456', 'https://ieeexplore.ieee.org/document/8259438/'],
    },
  ],
  nonMatching: [
    'https://ieeexplore.ieee.org/',
    'https://ieeexplore.ieee.org/search/searchresult.jsp?queryText=entropy',
    'https://ieeexplore.ieee.org/author/37572926100',
    'https://ieeexplore.ieee.org/xpl/conhome/6630445/proceeding',
  ],
  detect(doc, url) {
    if (!DOCUMENT_PATH.test(url.pathname)) return undefined;
    return Array.from(doc.querySelectorAll('script:not([src])')).some((s) => METADATA.test(s.textContent ?? '')) ? 'paper' : undefined;
  },
  extract,
  pageKey(url) {
    const n = DOCUMENT_PATH.exec(url.pathname)?.[1];
    return n ? `ieee:${n}` : undefined;
  },
};

export default ieeeAdapter;
