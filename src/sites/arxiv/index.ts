// arXiv: abstract pages (one paper), search results (a list) and the Atom
// feed of export.arxiv.org/api/query (read by the command line).
//
// Where arXiv facts go in capture format v1, which has no category field:
// - venue is the journal reference when the page states one (that is where the
//   paper was published); otherwise "arXiv (<primary category>)", e.g.
//   "arXiv (cs.LG)", so the subject area is not lost.
// - date is the submission date of v1, not of the latest version: it is the
//   date the work became public, and stays the same when a new version appears.
// - type is always "preprint": the record is the arXiv e-print even when a
//   journal version exists (that version's DOI is in ids.doi).

import type { Extraction, Work } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { canonicalArxiv, canonicalDoi, cleanText, compact, parseCount, textOf } from '../../core/text';
import { child, elements, findFirst, parseXmlText, xmlText, type XmlElement } from '../../adapters/kit/xml';
import site from './site.json';

const HOST = String.raw`(?:www\.)?arxiv\.org`;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "21 Apr 2020", "8 December, 2025" → "2020-04-21". */
export function parseDayMonthYear(s: string | null | undefined): string | undefined {
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})/.exec(s ?? '');
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase());
  if (month < 0) return undefined;
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

const yearOf = (date: string | undefined) => (date ? Number(date.slice(0, 4)) : undefined);

function venueOf(journalRef: string | undefined, category: string | undefined): string {
  return journalRef ?? (category ? `arXiv (${category})` : 'arXiv');
}

/** Text of an element without the labels and toggles arXiv puts inside it. */
function textWithout(el: Element | null | undefined, skip: string): string | undefined {
  if (!el) return undefined;
  const parts: string[] = [];
  el.childNodes.forEach((n) => {
    if (n.nodeType === 1 && (n as Element).matches(skip)) return;
    parts.push(n.textContent ?? '');
  });
  return cleanText(parts.join(''));
}

function meta(doc: Document, name: string): string | undefined {
  return cleanText(doc.querySelector(`meta[name="${name}"]`)?.getAttribute('content'));
}

function extractAbs(doc: Document, url: URL): Extraction {
  const arxiv = canonicalArxiv(meta(doc, 'citation_arxiv_id')) ?? canonicalArxiv(url.pathname.replace(/^\/abs\//, ''));
  const title = textWithout(doc.querySelector('h1.title'), '.descriptor') ?? meta(doc, 'citation_title');
  if (!arxiv || !title) return { pageKind: 'unrecognized', notes: ['arXiv: no arXiv identifier or title on this abstract page'] };
  let authors = [...doc.querySelectorAll('div.authors a')].map((a) => textOf(a)).filter((s): s is string => !!s);
  if (!authors.length)
    authors = [...doc.querySelectorAll('meta[name="citation_author"]')]
      .map((m) => cleanText(m.getAttribute('content')?.replace(/^([^,]+),\s*(.+)$/, '$2 $1')))
      .filter((s): s is string => !!s);
  const history = textOf(doc.querySelector('.submission-history'));
  const dateline = textOf(doc.querySelector('.dateline'));
  const date =
    parseDayMonthYear(/\[v1\]\s*(.*?\d{4})/.exec(history ?? '')?.[1]) ??
    parseDayMonthYear(/Submitted on ([^(\]]+)/.exec(dateline ?? '')?.[1]);
  const category = /\(([^()]+)\)\s*$/.exec(textOf(doc.querySelector('.primary-subject')) ?? '')?.[1];
  const journalRef = textOf(doc.querySelector('td.jref')) ?? meta(doc, 'citation_journal_title');
  const doi = canonicalDoi(textOf(doc.querySelector('td.doi')) ?? meta(doc, 'citation_doi'));
  const work: Work = compact({
    title,
    authors,
    year: yearOf(date),
    date,
    venue: venueOf(journalRef, category),
    abstract: textWithout(doc.querySelector('blockquote.abstract'), '.descriptor'),
    ids: compact({ arxiv, doi }),
    url: `https://arxiv.org/abs/${arxiv}`,
    type: 'preprint' as const,
  });
  return { pageKind: 'paper', works: [work] };
}

function extractSearch(doc: Document): Extraction {
  const items = [...doc.querySelectorAll('li.arxiv-result')];
  const works: Work[] = [];
  let skipped = 0;
  for (const li of items) {
    const arxiv = canonicalArxiv(textOf(li.querySelector('.list-title a')));
    const title = textOf(li.querySelector('p.title'));
    if (!arxiv || !title) {
      skipped++;
      continue;
    }
    const dates = textOf(li.querySelector('p.is-size-7')) ?? '';
    const date = parseDayMonthYear(/v1 submitted ([^;]+)/.exec(dates)?.[1]) ?? parseDayMonthYear(/Submitted ([^;]+)/.exec(dates)?.[1]);
    const refLabel = [...li.querySelectorAll('p.comments span')].find((s) => /^Journal ref:?$/.test(textOf(s) ?? ''));
    const journalRef = refLabel ? textWithout(refLabel.parentElement, 'span') : undefined;
    works.push(
      compact({
        title,
        authors: [...li.querySelectorAll('p.authors a')].map((a) => textOf(a)).filter((s): s is string => !!s),
        year: yearOf(date),
        date,
        venue: venueOf(journalRef, textOf(li.querySelector('.tags .tag.is-link'))),
        abstract: textWithout(li.querySelector('.abstract-full'), 'a'),
        ids: compact({ arxiv, doi: canonicalDoi(li.querySelector('a[href*="doi.org/"]')?.getAttribute('href')) }),
        url: `https://arxiv.org/abs/${arxiv}`,
        type: 'preprint' as const,
      }),
    );
  }
  if (!works.length) return { pageKind: 'unrecognized', notes: ['arXiv: no search results could be read on this page'] };
  const notes: string[] = [];
  if (skipped) notes.push(`${skipped} result(s) without an identifier or title were skipped`);
  const showing = /Showing\s+([\d,]+)\D+([\d,]+)\s+of\s+([\d,]+)/.exec(textOf(doc.querySelector('h1.title')) ?? '');
  if (showing && parseCount(showing[3]) !== parseCount(showing[2]))
    notes.push(`page shows results ${showing[1]}–${showing[2]} of ${showing[3]}`);
  return { pageKind: 'list', works, notes };
}

function atomWork(entry: XmlElement): Work | undefined {
  const idText = xmlText(child(entry, 'id'));
  const arxiv = canonicalArxiv(/arxiv\.org\/abs\/(.+)$/.exec(idText.trim())?.[1]);
  const title = cleanText(xmlText(child(entry, 'title')));
  if (!arxiv || !title) return undefined;
  const date = /^\d{4}-\d{2}-\d{2}/.exec(xmlText(child(entry, 'published')).trim())?.[0];
  return compact({
    title,
    authors: elements(entry, 'author')
      .map((a) => cleanText(xmlText(child(a, 'name'))))
      .filter((s): s is string => !!s),
    year: yearOf(date),
    date,
    venue: venueOf(
      cleanText(xmlText(child(entry, 'arxiv:journal_ref'))),
      cleanText(child(entry, 'arxiv:primary_category')?.attrs.term),
    ),
    abstract: cleanText(xmlText(child(entry, 'summary'))),
    ids: compact({ arxiv, doi: canonicalDoi(xmlText(child(entry, 'arxiv:doi'))) }),
    url: `https://arxiv.org/abs/${arxiv}`,
    type: 'preprint' as const,
  });
}

/** The arXiv API's Atom feed: several entries → list, one → paper. */
export function extractAtom(text: string): Extraction {
  const feed = findFirst(parseXmlText(text), 'feed');
  if (!feed) return { pageKind: 'unrecognized', notes: ['arXiv: the data is not an Atom feed'] };
  const entries = elements(feed, 'entry');
  // The API reports bad queries as a single entry whose id is an errors URL.
  const error = entries.find((e) => /\/api\/errors/.test(xmlText(child(e, 'id'))));
  if (error) return { pageKind: 'unrecognized', notes: [`arXiv API error: ${cleanText(xmlText(child(error, 'summary'))) ?? 'unknown'}`] };
  const works = entries.map(atomWork).filter((w): w is Work => !!w);
  const notes: string[] = [];
  if (works.length < entries.length) notes.push(`${entries.length - works.length} entry(ies) without an identifier or title were skipped`);
  const total = parseCount(xmlText(child(feed, 'opensearch:totalresults')));
  if (total !== undefined && total > entries.length) notes.push(`feed holds ${entries.length} of ${total} results`);
  if (works.length === 1 && entries.length === 1) return { pageKind: 'paper', works };
  if (!works.length) return { pageKind: 'unrecognized', notes: ['arXiv: the feed has no readable entries', ...notes] };
  return { pageKind: 'list', works, notes };
}

function isBlocked(doc: Document): string | undefined {
  const title = textOf(doc.querySelector('title')) ?? '';
  if (/captcha|access denied|too many requests|rate limit/i.test(title)) return `arXiv refused the page: "${title}"`;
  return undefined;
}

export const arxivAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://arxiv.org/help/api/index'],
  rules: [
    {
      kind: 'paper',
      pattern: new RegExp(`^${HOST}/abs/`),
      examples: ['https://arxiv.org/abs/2004.10162', 'https://arxiv.org/abs/1706.03762v7', 'https://arxiv.org/abs/hep-th/9711200'],
    },
    {
      kind: 'list',
      pattern: new RegExp(`^(?:${HOST}/(?:search|list)/|export\\.arxiv\\.org/api/query)`),
      examples: [
        'https://arxiv.org/search/?query=distributed+systems&searchtype=abstract',
        'https://arxiv.org/search/cs?searchtype=author&query=Sen%2C+S',
        'https://arxiv.org/list/cs.LG/recent',
        'https://export.arxiv.org/api/query?search_query=all:attention&max_results=3',
      ],
    },
  ],
  detect(doc, url) {
    if (isBlocked(doc)) return 'blocked';
    if (/^\/abs\//.test(url.pathname) && (doc.querySelector('#abs h1.title') || doc.querySelector('meta[name="citation_arxiv_id"]')))
      return 'paper';
    if (doc.querySelector('li.arxiv-result')) return 'list';
    return undefined;
  },
  extract(doc, url) {
    const blocked = isBlocked(doc);
    if (blocked) return { pageKind: 'blocked', notes: [blocked] };
    if (/^\/abs\//.test(url.pathname)) return extractAbs(doc, url);
    if (/^\/(search|list)\//.test(url.pathname)) {
      if (doc.querySelector('li.arxiv-result')) return extractSearch(doc);
      return { pageKind: 'unrecognized', notes: ['arXiv: only search result pages are read yet, not this listing layout'] };
    }
    return { pageKind: 'unrecognized', notes: ['arXiv: not an abstract or search page'] };
  },
  extractData(text, _url, contentType) {
    if (contentType !== 'xml') return { pageKind: 'unrecognized', notes: ['arXiv: only the Atom feed (XML) is read'] };
    return extractAtom(text);
  },
  pageKey(url) {
    const id = /^\/abs\//.test(url.pathname) ? canonicalArxiv(url.pathname.slice(5)) : undefined;
    return id ? `abs:${id}` : undefined;
  },
};

export default arxivAdapter;
