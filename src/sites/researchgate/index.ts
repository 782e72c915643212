// ResearchGate profile pages (www.researchgate.net/profile/<Name>).
//
// The person comes from the page's schema.org JSON-LD (a Person in @graph);
// the stated counts and the publication list from the server-rendered body,
// where each listed item is marked up as a schema.org ScholarlyArticle.
// ResearchGate often answers with a "security check" (captcha) page instead,
// which is reported as blocked.
//
// Choices:
// - person.ids.researchgate is the profile slug ("Lorenzo-Prendini").
// - A work's type is the item's first badge (Article, Conference Paper, …);
//   data sets and other research items are typed `other`, not dropped, since
//   the page lists them among the person's research.
// - A profile shows only its first page of research; when it lists fewer works
//   than the Publications count it states, a note says so.

import type { Extraction, Person, StatedMetrics, Work, WorkType } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { absoluteUrl, cleanText, compact, parseCount, parseYear, textOf } from '../../core/text';
import { elementsByClass, elementsByTag, withAttr } from '../../adapters/kit/subtree';
import site from './site.json';

const PROFILE_PATH = /^\/profile\/([^/?#]+)\/?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const BLOCKED = /security check|captcha|are you a robot|just a moment|access denied/i;

type Node = Record<string, unknown>;

const LD_JSON = /^application\/ld\+json$/i;

function jsonLdPeople(doc: Document): Node[] {
  const out: Node[] = [];
  // script[type="application/ld+json"], the type compared without case as selectors do in HTML.
  for (const s of elementsByTag(doc, 'script', (el) => LD_JSON.test(el.getAttribute('type') ?? ''))) {
    try {
      const data = JSON.parse(s.textContent ?? '') as unknown;
      const top = Array.isArray(data) ? data : [data];
      for (const n of top.flatMap((x) => (x && typeof x === 'object' && Array.isArray((x as Node)['@graph']) ? ((x as Node)['@graph'] as unknown[]) : [x])))
        if (n && typeof n === 'object' && (n as Node)['@type'] === 'Person') out.push(n as Node);
    } catch {
      /* skip a broken block */
    }
  }
  return out;
}

const s = (v: unknown) => (typeof v === 'string' ? cleanText(v) : undefined);

/** "Feb 2022" → { year: 2022, date: "2022-02" }; anything else → its year, if any. */
export function rgDate(text: string | undefined): { year?: number; date?: string } {
  const m = /^([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(text ?? '');
  const month = m?.[1] ? MONTHS.indexOf(m[1].toLowerCase()) + 1 : 0;
  if (m && month > 0) return { year: Number(m[2]), date: `${m[2]}-${String(month).padStart(2, '0')}` };
  return { year: parseYear(text) };
}

function badgeType(badge: string | undefined): WorkType | undefined {
  if (!badge) return undefined;
  const b = badge.toLowerCase();
  if (b === 'article') return 'article';
  if (b.startsWith('conference')) return 'conference';
  if (b === 'chapter') return 'chapter';
  if (b === 'book') return 'book';
  if (b === 'thesis') return 'thesis';
  if (b === 'preprint') return 'preprint';
  return 'other';
}

// A query per field, not one walk of the item collecting them all: that walk
// (src/adapters/kit/subtree.ts) halved this in linkedom but cost Chromium,
// where these queries are native, twice the time (2.4 → 4.5 ms on the saved
// 100-item profile): the browser is what users run.
function listedWork(item: Element, url: URL): Work | undefined {
  const link = item.querySelector('[itemprop="headline"] a');
  const title = textOf(link);
  if (!title) return undefined;
  const { year, date } = rgDate(textOf(item.querySelector('.nova-legacy-v-publication-item__meta-data-item')));
  const authors = Array.from(item.querySelectorAll('[itemprop="author"] [itemprop="name"]'))
    .map((n) => textOf(n))
    .filter((n): n is string => !!n);
  return compact<Work>({
    title,
    authors,
    authorsTruncated: item.querySelector('.nova-legacy-v-publication-item__person-list-truncation') ? true : undefined,
    year,
    date,
    url: absoluteUrl(link?.getAttribute('href'), url),
    type: badgeType(textOf(item.querySelector('.nova-legacy-v-publication-item__badge'))),
  });
}

function stat(doc: Document, name: string): number | undefined {
  return parseCount(doc.querySelector(`[data-testid="publicProfileStats${name}"]`)?.textContent);
}

function extract(doc: Document, url: URL): Extraction {
  const title = cleanText(doc.querySelector('title')?.textContent) ?? '';
  const heading = textOf(doc.querySelector('h1')) ?? '';
  if (BLOCKED.test(title) || BLOCKED.test(heading)) return { pageKind: 'blocked', notes: [`ResearchGate: "${title || heading}"`] };
  const slug = PROFILE_PATH.exec(url.pathname)?.[1];
  const people = jsonLdPeople(doc);
  const ld = people.find((p) => s(p.url) === `https://www.researchgate.net/profile/${slug}`) ?? people[0];
  const name = s(ld?.name) ?? textOf(doc.querySelector('h1 .fn'));
  if (!name) return { pageKind: 'unrecognized', notes: ['ResearchGate: no profile name on this page'] };
  const aff = ld?.affiliation;
  const affiliation = s(aff && typeof aff === 'object' && !Array.isArray(aff) ? (aff as Node).name : aff) ?? textOf(doc.querySelector('h1 .org'));
  const metrics: StatedMetrics = compact({ citations: stat(doc, 'Citations'), papers: stat(doc, 'Publications') });
  const person: Person = compact({ name, affiliation, ids: compact({ researchgate: slug }), metrics });
  // [itemtype="http://schema.org/ScholarlyArticle"].nova-legacy-v-publication-item
  const works = elementsByClass(doc, 'nova-legacy-v-publication-item', withAttr('itemtype', 'http://schema.org/ScholarlyArticle'))
    .map((item) => listedWork(item, url))
    .filter((w): w is Work => !!w);
  const notes =
    metrics.papers !== undefined && works.length < metrics.papers
      ? [`ResearchGate: the page lists ${works.length} of the ${metrics.papers} publications it counts`]
      : undefined;
  return compact({ pageKind: 'author' as const, person, works, notes });
}

export const researchgateAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://www.researchgate.net/publication/358910988_Morphometry'],
  rules: [
    {
      kind: 'author',
      pattern: /^www\.researchgate\.net\/profile\/[^/?]+\/?$/,
      examples: ['https://www.researchgate.net/profile/Lorenzo-Prendini', 'https://www.researchgate.net/profile/Michael-Seiter-2'],
    },
  ],
  detect(doc, url) {
    if (!PROFILE_PATH.test(url.pathname)) return undefined;
    if (BLOCKED.test(doc.querySelector('title')?.textContent ?? '')) return 'blocked';
    return jsonLdPeople(doc).length || doc.querySelector('h1 .fn') ? 'author' : undefined;
  },
  extract(doc, url) {
    return extract(doc, url);
  },
  pageKey(url) {
    return PROFILE_PATH.exec(url.pathname)?.[1];
  },
};

export default researchgateAdapter;
