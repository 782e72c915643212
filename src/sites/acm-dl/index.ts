// ACM Digital Library article pages (dl.acm.org/doi/abs/10.…, /doi/10.…).
// The embedded-metadata reader goes first (pages that carry dc.*/citation_*
// tags); the 2020 page saved here has only dc.Format/dc.Language/dc.Coverage,
// so what the tags lack is read from the page's own citation block:
// h1.citation__title, the first author list (ul.loa; the page repeats it in a
// slide-out panel), the "epub-section" line (proceedings or issue title, date,
// pages, DOI link), the abstract section, the publisher block and the
// "Total Citations" figure.
//
// Choices:
// - The page must declare the DOI of its address (its DOI link or og:url),
//   else it is not recognized.
// - venue: the proceedings title without its "CoDS COMAD 2020: " acronym
//   prefix when the page's <title> names the long form alone, as ACM's own
//   citation export does (container-title).
// - date: as the page shows it ("January 2020" → 2020-01); ACM's export has a
//   day the page does not show, and a shown value is not guessed past.
// - Pages (371–372) are shown but a capture has no field for them (v1).

import type { Extraction, Work, WorkType } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { readEmbeddedMetadata, readMetas } from '../../readers/embedded-metadata';
import { canonicalDoi, cleanText, compact, parseCount, parseYear, textOf } from '../../core/text';
import { visibleText } from '../../adapters/kit/visible-text';
import site from './site.json';

const DOI_PATH = /^\/doi\/(?:abs\/)?(10\.\d{4,9}\/[^?#\s]+?)\/?$/;

export function acmDoiOf(url: URL): string | undefined {
  if (url.hostname !== 'dl.acm.org') return undefined;
  const m = DOI_PATH.exec(url.pathname);
  return m ? canonicalDoi(decodeURIComponent(m[1]!)) : undefined;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "January 2020", "05 January 2020" → "2020-01", "2020-01-05". */
export function acmDate(s: string | undefined): string | undefined {
  const m = /^(?:(\d{1,2})\s+)?([A-Za-z]+)\s+(\d{4})$/.exec(s?.trim() ?? '');
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  if (!month) return undefined;
  const mm = String(month).padStart(2, '0');
  return m[1] ? `${m[3]}-${mm}-${m[1].padStart(2, '0')}` : `${m[3]}-${mm}`;
}

/** The kind of publication from the page's pbContext meta ("acm-pubtype>proceeding"). */
function typeOf(doc: Document): WorkType | undefined {
  const context = readMetas(doc).get('pbcontext')?.[0] ?? '';
  const pubtype = /acm-pubtype>(\w+)/.exec(context)?.[1]?.toLowerCase();
  if (pubtype === 'proceeding') return 'conference';
  if (pubtype === 'journal' || pubtype === 'magazine' || pubtype === 'periodical' || pubtype === 'newsletter') return 'article';
  if (pubtype === 'book') return 'chapter';
  return undefined;
}

function venueOf(doc: Document): string | undefined {
  const shown = textOf(doc.querySelector('.epub-section__title'));
  if (!shown) return undefined;
  const tail = cleanText(doc.querySelector('title')?.textContent?.split('|').slice(1).join('|'));
  const m = /^[^:]{2,40}:\s+(.+)$/.exec(shown);
  return m && tail && m[1] === tail ? tail : shown;
}

function authorsOf(doc: Document): string[] {
  const list = doc.querySelector('ul.loa') ?? doc;
  const names: string[] = [];
  for (const el of Array.from(list.querySelectorAll('.loa__author-name'))) {
    const name = textOf(el);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** What the page's citation block shows. */
function fromPage(doc: Document, url: URL): Work {
  const dateText = textOf(doc.querySelector('.epub-section__date'));
  const date = acmDate(dateText);
  const citations = doc.querySelector('.article-metric.citation .metric-value');
  return compact({
    title: visibleText(doc.querySelector('h1.citation__title')),
    authors: authorsOf(doc),
    date,
    year: parseYear(date ?? dateText),
    venue: venueOf(doc),
    publisher: textOf(doc.querySelector('.publisher__name')),
    abstract: textOf(doc.querySelector('.abstractSection.abstractInFull')),
    citations: citations ? parseCount(citations.textContent) : undefined,
    ids: compact({ doi: canonicalDoi(doc.querySelector('a.issue-item__doi')?.getAttribute('href')) }),
    url: url.href.replace(/[?#].*$/, ''),
    type: typeOf(doc),
  });
}

/** The page's declared DOIs: its DOI link and og:url / canonical address. */
function declaredDois(doc: Document, url: URL): string[] {
  const out: string[] = [];
  const link = canonicalDoi(doc.querySelector('a.issue-item__doi')?.getAttribute('href'));
  if (link) out.push(link);
  for (const href of [readMetas(doc).get('og:url')?.[0], doc.querySelector('link[rel="canonical"]')?.getAttribute('href')]) {
    try {
      const d = href ? acmDoiOf(new URL(href, url)) : undefined;
      if (d) out.push(d);
    } catch {
      /* not an address */
    }
  }
  return out;
}

function extract(doc: Document, url: URL): Extraction {
  const doi = acmDoiOf(url);
  if (!doi) return { pageKind: 'unrecognized', notes: ['ACM Digital Library: not an article page'] };
  const declared = declaredDois(doc, url);
  if (!declared.length) return { pageKind: 'unrecognized', notes: ['ACM Digital Library: the page names no DOI'] };
  if (!declared.includes(doi)) return { pageKind: 'unrecognized', notes: [`ACM Digital Library: the page shows ${declared[0]}, not ${doi}`] };
  const embedded = readEmbeddedMetadata(doc, url);
  const page = fromPage(doc, url);
  // Tags first where present; the page fills what they lack.
  const work: Work = compact({ ...page, ...embedded, ids: compact({ ...page.ids, ...embedded?.ids, doi }) });
  if (!work.title) return { pageKind: 'unrecognized', notes: ['ACM Digital Library: no title on this page'] };
  return { pageKind: 'paper', works: [work] };
}

export const acmDlAdapter: SiteAdapter = {
  ...site,
  rules: [
    {
      kind: 'paper',
      pattern: /^dl\.acm\.org\/doi\/(?:abs\/)?10\.\d{4,9}\/[^?#\s]+$/,
      examples: ['https://dl.acm.org/doi/abs/10.1145/3371158.3371232', 'https://dl.acm.org/doi/10.1145/3371158.3371232'],
    },
  ],
  nonMatching: [
    'https://dl.acm.org/',
    'https://dl.acm.org/action/doSearch?AllField=graph',
    'https://dl.acm.org/profile/99659154936',
    'https://dl.acm.org/doi/proceedings/10.1145/3371158',
  ],
  detect(doc, url) {
    return acmDoiOf(url) && (doc.querySelector('h1.citation__title') || readMetas(doc).has('dc.title')) ? 'paper' : undefined;
  },
  extract,
  pageKey(url) {
    const doi = acmDoiOf(url);
    return doi ? `doi:${doi}` : undefined;
  },
};

export default acmDlAdapter;
