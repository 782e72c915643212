// Google Scholar: author profiles, citation pages and result lists, plus the
// captcha / sign-in / error pages Google serves in their place.

import type { Extraction, PageKind } from '../../core/capture';
import type { SiteAdapter, UrlRule } from '../../adapters/contract';
import { hasProfileMarkup, readProfile } from './profile';
import { readCitation, readResults } from './lists';
import { scholarCollectAll } from './pages';
import { cleanText } from '../../core/text';
import site from './site.json';

// Scholar on each of Google's country domains (scholar.google.com.hk,
// scholar.google.ch, …): site.json lists them one by one, as
// `https://scholar.google.<tld>/*`, because a match pattern cannot wildcard a
// TLD and `*.google.*` would be every Google service. The rules' host part is
// made from that one list, so no lookalike (scholar.google.evil.com) matches.
const HOSTS = site.matches.map((m) => m.slice('https://'.length, -'/*'.length));
const HOST_ALT = HOSTS.map((h) => h.replace(/\./g, '\\.')).join('|');
const HOST = `^(?:${HOST_ALT})`;
// A query parameter by exact name (not a suffix such as as_q for q).
const param = (name: string) => `(?=(?:[^#]*&)?${name}=)`;

const rules: UrlRule[] = [
  {
    kind: 'paper',
    pattern: new RegExp(`${HOST}/citations\\?(?=(?:[^#]*&)?view_op=view_citation\\b)`),
    examples: [
      'https://scholar.google.com/citations?view_op=view_citation&hl=en&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC',
      'https://scholar.google.de/citations?view_op=view_citation&hl=de&user=amIMrIEAAAAJ&citation_for_view=amIMrIEAAAAJ:u5HHmVD_uO8C',
    ],
  },
  {
    kind: 'author',
    // A profile, in any sort order or page, but not another view_op of the same path.
    pattern: new RegExp(`${HOST}/citations\\?${param('user')}(?![^#]*view_op=(?!list_works\\b))`),
    examples: [
      'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en',
      'https://scholar.google.com/citations?hl=en&user=U4LFdJ0AAAAJ&view_op=list_works&sortby=pubdate',
      'https://scholar.google.fr/citations?user=8daWuo4AAAAJ&hl=fr',
    ],
  },
  {
    kind: 'list',
    pattern: new RegExp(`${HOST}/scholar\\?(?:${param('q')}|${param('cites')}|${param('cluster')})`),
    examples: [
      'https://scholar.google.com/scholar?hl=en&as_sdt=0%2C5&q=crispr+cas9&btnG=',
      'https://scholar.google.co.jp/scholar?cites=5545735591029960915&as_sdt=2005&sciodt=0,5&hl=en',
      'https://scholar.google.com/scholar?cluster=16589742970128240413&hl=en',
    ],
  },
];

export const googleScholar: SiteAdapter = {
  ...site,
  nonMatching: ['https://scholar.google.com/', 'https://scholar.google.com/citations?view_op=search_authors&mauthors=turing'],
  rules,
  // Google sends a client it suspects to /sorry/index?continue=<the page asked
  // for>: on the Scholar host itself, or on www.google.com with a Scholar
  // address to continue to (Google Search's own captcha is not ours).
  blockPages: [
    {
      pattern: new RegExp(`${HOST}/sorry/`),
      examples: ['https://scholar.google.com/sorry/index?continue=https://scholar.google.com/citations%3Fuser%3DU4LFdJ0AAAAJ&q=EgRqtaJD'],
    },
    {
      pattern: new RegExp(`^www\\.google\\.com/sorry/index\\?(?:[^#]*&)?continue=https?(?::|%3A)(?:/|%2F){2}(?:${HOST_ALT})(?:[/?:&%]|$)`, 'i'),
      examples: [
        'https://www.google.com/sorry/index?continue=https://scholar.google.com/scholar%3Fq%3Dcrispr&q=EgRqtaJD',
        'https://www.google.com/sorry/index?continue=https%3A%2F%2Fscholar.google.com.hk%2Fcitations%3Fuser%3DU4LFdJ0AAAAJ&hl=zh-TW&q=EgRq',
      ],
    },
  ],
  detect: (doc) => safe(() => kindOf(doc), undefined),
  extract: (doc, url) =>
    safe<Extraction>(() => read(doc, url), {
      pageKind: 'unrecognized',
      notes: ['Google Scholar: the page could not be read'],
    }),
  pageKey,
  collectAll: scholarCollectAll,
};

function read(doc: Document, url: URL): Extraction {
  const kind = kindOf(doc);
  switch (kind) {
    case 'blocked':
      return { pageKind: 'blocked', notes: [blockedReason(doc) ?? 'Google Scholar: access was refused'] };
    case 'author':
      return readProfile(doc, url);
    case 'paper':
      return readCitation(doc, url);
    case 'list':
      return readResults(doc, url);
    default:
      return {
        pageKind: 'unrecognized',
        notes: ['Google Scholar: no profile, citation page or result list was found on this page'],
      };
  }
}

function kindOf(doc: Document): PageKind | undefined {
  // The content's own ids first (cheap id look-ups on the pages users visit
  // most); a captcha or sign-in page has none of them, so the scans for block
  // markers run only when nothing else matched.
  if (hasProfileMarkup(doc)) return 'author';
  if (doc.getElementById('gsc_oci_title') || doc.getElementById('gsc_vcd_title')) return 'paper';
  if (doc.getElementById('gs_res_ccl_mid') || doc.querySelector('.gs_r .gs_rt')) return 'list';
  if (blockedReason(doc)) return 'blocked';
  return undefined;
}

function structuralBlock(doc: Document): string | undefined {
  if (doc.querySelector('#gs_captcha_ccl, #gs_captcha_f, .g-recaptcha, #recaptcha, form[action*="sorry"]'))
    return 'Google Scholar asked for a captcha ("unusual traffic" check) instead of showing the page';
  if (doc.querySelector('#identifierId, base[href*="accounts.google.com"], form[action*="accounts.google.com"]'))
    return 'Google served its sign-in page instead of Scholar (Google does this for unknown profile ids)';
  return undefined;
}

function blockedReason(doc: Document): string | undefined {
  const structural = structuralBlock(doc);
  if (structural) return structural;
  const text = cleanText(doc.querySelector('body')?.textContent)?.slice(0, 5000) ?? '';
  const title = cleanText(doc.querySelector('title')?.textContent) ?? '';
  if (/unusual traffic|not a robot|automated queries/i.test(text))
    return 'Google Scholar reported unusual traffic and refused the request';
  if (/we'?re sorry|we’re sorry/i.test(text) || /\b(403|429)\b/.test(title))
    return `Google Scholar showed an error page${title ? ` ("${title}")` : ''}`;
  if (/^sign in\b/i.test(title)) return 'Google served a sign-in page instead of Scholar';
  return undefined;
}

/** Profiles are one page whatever the sort order, paging or language; citation pages are keyed by their id. */
function pageKey(url: URL): string | undefined {
  const path = url.pathname;
  const user = url.searchParams.get('user');
  const viewOp = url.searchParams.get('view_op');
  const cfv = url.searchParams.get('citation_for_view');
  if (path === '/citations' && viewOp === 'view_citation' && cfv) return `citation_for_view=${cfv}`;
  if (path === '/citations' && user && (!viewOp || viewOp === 'list_works')) return `user=${user}`;
  return undefined;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

export default googleScholar;
