// Google Scholar pages other than profiles: the "view citation" page of one
// profile entry, and result lists (search, "Cited by", "All versions").
//
// Work ids: a citation page is an entry of a profile, so its `ids.gscholar`
// is the same "USER:CITID" a profile row carries. A result in a list has no
// such id; it carries Scholar's numeric cluster id (from its cites=/cluster=
// links) in `ids.gscholar`. The forms differ (colon vs digits only), so the
// two kinds never collide; they simply do not match each other.

import type { Extraction, Work, WorkType } from '../../core/capture';
import { absoluteUrl, cleanText, compact, parseYear, textOf } from '../../core/text';
import { countOf, hrefParam, splitAuthors, textWithout } from './dom';
import { visibleText } from '../../adapters/kit/visible-text';

// Field labels of the citation page, in the interface languages we have seen or expect.
const FIELD: Record<string, RegExp> = {
  authors: /^(authors?|inventors?|auteurs?|inventeurs?|autoren|erfinder|autor(?:es)?|autori|авторы|المؤلفون|作者)$/i,
  date: /^(publication date|date de publication|veröffentlichungsdatum|fecha de publicación|data di pubblicazione|дата публикации|تاريخ النشر|发表日期|公開日)$/i,
  journal: /^(journal|revue|zeitschrift|revista|rivista|журнал|المجلة|期刊)$/i,
  conference: /^(conference|conférence|konferenz|conferencia|conferenza|конференция|المؤتمر|研讨会论文)$/i,
  book: /^(book|livre|buch|libro|книга|الكتاب|图书)$/i,
  source: /^(source|quelle|fuente|fonte|источник|المصدر|来源)$/i,
  publisher: /^(publisher|éditeur|verlag|editorial|editore|издатель|الناشر|出版商)$/i,
  description: /^(description|beschreibung|descripción|descrizione|описание|الوصف|简介)$/i,
};

export function readCitation(doc: Document, url: URL): Extraction {
  const titleBox = doc.querySelector('#gsc_oci_title') ?? doc.querySelector('#gsc_vcd_title');
  const title = visibleText(titleBox);
  if (!title) return { pageKind: 'unrecognized', notes: ['Google Scholar: a citation page without a readable title'] };

  const fields = new Map<string, Element>();
  for (const row of Array.from(doc.querySelectorAll('#gsc_oci_table .gs_scl, #gsc_vcd_table .gs_scl'))) {
    const label = textOf(row.querySelector('.gsc_oci_field, .gsc_vcd_field'));
    const value = row.querySelector('.gsc_oci_value, .gsc_vcd_value');
    if (!label || !value) continue;
    const key = Object.keys(FIELD).find((k) => FIELD[k]?.test(label));
    if (key && !fields.has(key)) fields.set(key, value);
  }
  const field = (k: string) => textOf(fields.get(k));

  const venueKey = (['journal', 'conference', 'book', 'source'] as const).find((k) => fields.has(k));
  const type: WorkType | undefined =
    venueKey === 'journal' ? 'article' : venueKey === 'conference' ? 'conference' : undefined;
  const { date, year } = scholarDate(field('date'));
  const authors = splitAuthors(field('authors'));
  // The first "Cited by N" link without a year filter is the total; the
  // per-year bars link to the same list with as_ylo/as_yhi.
  const total = Array.from(doc.querySelectorAll('#gsc_oci_table a[href*="cites="], #gsc_vcd_table a[href*="cites="]')).find(
    (a) => !/as_ylo=/.test(a.getAttribute('href') ?? ''),
  );
  const titleHref = titleBox?.querySelector('a[href]')?.getAttribute('href');
  const citationForView =
    url.searchParams.get('citation_for_view') ?? doc.querySelector('#gsc_vcpb_btns input[name="s"]')?.getAttribute('value');

  const work = compact<Work>({
    title,
    ...authors,
    date,
    year,
    venue: venueKey ? field(venueKey) : undefined,
    publisher: field('publisher'),
    abstract: textOf(doc.querySelector('#gsc_oci_descr') ?? doc.querySelector('#gsc_vcd_descr')) ?? field('description'),
    citations: countOf(total),
    ids: compact({ gscholar: citationForView && /^[\w-]+:[\w-]+$/.test(citationForView) ? citationForView : undefined }),
    url: absoluteUrl(titleHref, url),
    type,
  });
  return { pageKind: 'paper', works: [work] };
}

/** "2018/9/16" → date 2018-09-16; "2018/9" → 2018-09; "2018" → year only. */
function scholarDate(s: string | undefined): { date?: string; year?: number } {
  if (!s) return {};
  const m = /^(\d{4})(?:\/(\d{1,2})(?:\/(\d{1,2}))?)?$/.exec(s.trim());
  if (!m) return { year: parseYear(s) };
  const pad = (x: string) => x.padStart(2, '0');
  const date = m[2] ? [m[1], pad(m[2]), ...(m[3] ? [pad(m[3])] : [])].join('-') : undefined;
  return { date, year: Number(m[1]) };
}

export function readResults(doc: Document, url: URL): Extraction {
  const scope = doc.querySelector('#gs_res_ccl_mid') ?? doc.querySelector('#gs_res_ccl') ?? doc;
  const works = Array.from(scope.querySelectorAll('.gs_ri')).flatMap((ri) => {
    const w = result(ri, url);
    return w ? [w] : [];
  });
  if (!works.length) {
    const empty = doc.querySelector('#gs_res_ccl_mid') && !doc.querySelector('#gs_res_ccl_mid .gs_r');
    return empty
      ? { pageKind: 'list', works: [], notes: ['Google Scholar: this result page lists no works'] }
      : { pageKind: 'unrecognized', notes: ['Google Scholar: a result page whose entries could not be read'] };
  }
  return { pageKind: 'list', works };
}

const TAG = /^\s*(?:\[[^\]]{1,20}\]\s*)+/;
const BOOK_TAG = /\[(?:BOOK|B|LIVRE|BUCH|LIBRO|LIVRO|КНИГА)\]/i;

function result(ri: Element, url: URL): Work | undefined {
  const h3 = ri.querySelector('.gs_rt');
  // "[PDF]", "[HTML]", "[BOOK][B]", "[CITATION][C]" are Scholar's tags, not part of the title.
  const tags = Array.from(h3?.querySelectorAll('.gs_ctc, .gs_ctu, .gs_ctg, .gs_ctg2') ?? []).map((t) => t.textContent ?? '');
  const title = cleanText(textWithout(h3, '.gs_ctc, .gs_ctu, .gs_ctg, .gs_ctg2')?.replace(TAG, ''));
  if (!title) return undefined;
  const link = h3?.querySelector('a[href]');

  // "Authors - Venue, Year - host"; the separators are " - " (often with a no-break space).
  const byline = textOf(ri.querySelector('.gs_a'));
  const parts = byline ? byline.split(/\s+-\s+/) : [];
  const { venue, year } = venueYear(parts.length >= 3 ? parts[1] : parts.length === 2 && /\b\d{4}$/.test(parts[1] ?? '') ? parts[1] : undefined);

  const fl = ri.querySelector('.gs_fl:not(.gs_ggs)') ?? ri;
  const citedBy = fl.querySelector('a[href*="cites="]');
  const clusterLink = fl.querySelector('a[href*="cluster="]');
  const cluster = hrefParam(clusterLink?.getAttribute('href'), 'cluster') ?? hrefParam(citedBy?.getAttribute('href'), 'cites');

  return compact<Work>({
    title,
    ...splitAuthors(parts[0]),
    venue,
    year,
    citations: countOf(citedBy),
    ids: compact({ gscholar: cluster && /^\d+$/.test(cluster) ? cluster : undefined }),
    url: absoluteUrl(link?.getAttribute('href'), url),
    type: tags.some((t) => BOOK_TAG.test(t)) ? 'book' : undefined,
  });
}

/** "Physical Review, 1959" → venue + year; "1996" → year only; no year → all venue. */
function venueYear(s: string | undefined): { venue?: string; year?: number } {
  const t = cleanText(s);
  if (!t) return {};
  const m = /^(?:(.*?),\s*)?(\d{4})$/.exec(t);
  if (!m) return { venue: t };
  return { venue: cleanText(m[1]), year: Number(m[2]) };
}
