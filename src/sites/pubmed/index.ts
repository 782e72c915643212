// PubMed and PubMed Central article pages, and E-utilities efetch XML.
//
// Current PubMed and PMC pages carry Highwire tags, so the embedded-metadata
// reader does the work and the URL supplies the PMID/PMCID. The old Entrez
// page (www.ncbi.nlm.nih.gov/pubmed/<PMID>, before 2020) has only ncbi_* tags
// and is read from its abstract block. efetch XML (PubmedArticleSet) is read
// through `extractData` so the command line can take saved responses.
//
// Choices:
// - Authors as PubMed shows them: "Powell DJ" on the old page, "Given Family"
//   from XML ForeName/LastName (CollectiveName for groups).
// - The one trailing period MEDLINE adds to every title is dropped, so titles
//   compare with the same paper's title on other sites.
// - efetch dates: year and date from the journal issue's PubDate; when that has
//   only a year, the electronic ArticleDate of the same year gives the day.

import type { Extraction, Work, WorkType } from '../../core/capture';
import type { SiteAdapter } from '../../adapters/contract';
import { readEmbeddedMetadata } from '../../readers/embedded-metadata';
import { canonicalDoi, cleanText, compact, parseYear, textOf } from '../../core/text';
import { child, elements, findFirst, parseXmlText, xmlText, type XmlElement } from '../../adapters/kit/xml';
import site from './site.json';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PUBMED_PATH = /^(?:pubmed\.ncbi\.nlm\.nih\.gov\/|www\.ncbi\.nlm\.nih\.gov\/pubmed\/)(\d+)\/?$/;
const PMC_PATH = /^(?:www\.ncbi\.nlm\.nih\.gov\/pmc|pmc\.ncbi\.nlm\.nih\.gov)\/articles\/(PMC\d+)\/?$/i;

const target = (url: URL) => url.hostname + url.pathname;
const dropMedlinePeriod = (t: string | undefined) => t?.replace(/(?<!\.)\.$/, '') || undefined;

/** "2015 Mar 12" → "2015-03-12"; "2015 Mar" → "2015-03"; a year alone gives no date. */
export function pubmedDate(s: string | undefined): string | undefined {
  const m = /^(\d{4})\s+([A-Za-z]{3})[a-z]*(?:\s+(\d{1,2}))?/.exec(s?.trim() ?? '');
  const month = m?.[2] ? MONTHS.indexOf(m[2].toLowerCase()) + 1 : 0;
  if (!m || month === 0) return undefined;
  return [m[1], String(month).padStart(2, '0'), m[3]?.padStart(2, '0')].filter(Boolean).join('-');
}

/** The old Entrez abstract page: div.rprt.abstract with .cit, h1, .auths, .abstr, dl.rprtid. */
function legacyPage(doc: Document, url: URL): Work | undefined {
  const box = doc.querySelector('div.rprt.abstract');
  if (!box) return undefined;
  const title = dropMedlinePeriod(textOf(box.querySelector('h1')));
  if (!title) return undefined;
  const journalLink = box.querySelector('.cit a');
  const citation = textOf(box.querySelector('.cit')) ?? '';
  const afterJournal = citation.slice((textOf(journalLink) ?? '').length).trim();
  const pmidDd = Array.from(box.querySelectorAll('dl.rprtid dt')).find((dt) => /PMID/.test(dt.textContent ?? ''))?.nextElementSibling;
  const pmid = cleanText(pmidDd?.textContent)?.match(/^\d+$/)?.[0] ?? PUBMED_PATH.exec(target(url))?.[1];
  const paragraphs = Array.from(box.querySelectorAll('.abstr p'))
    .filter((p) => !/^Copyright\b|^©/.test(textOf(p) ?? ''))
    .map((p) => textOf(p))
    .filter((t): t is string => !!t);
  return compact<Work>({
    title,
    authors: Array.from(box.querySelectorAll('.auths a')).map((a) => textOf(a)).filter((n): n is string => !!n),
    year: parseYear(afterJournal),
    date: pubmedDate(afterJournal),
    venue: textOf(journalLink)?.replace(/\.$/, ''),
    abstract: paragraphs.join(' ') || undefined,
    ids: compact({ pmid, doi: canonicalDoi(/doi:\s*(10\.\S+)/i.exec(citation)?.[1]) }),
    url: pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : undefined,
    type: 'article',
  });
}

function extractPage(doc: Document, url: URL): Extraction {
  const title = cleanText(doc.querySelector('title')?.textContent) ?? '';
  if (/captcha|access denied|too many requests/i.test(title)) return { pageKind: 'blocked', notes: [`PubMed: "${title}"`] };
  const pmid = PUBMED_PATH.exec(target(url))?.[1];
  const pmcid = PMC_PATH.exec(target(url))?.[1]?.toUpperCase();
  const embedded = readEmbeddedMetadata(doc, url);
  const work = embedded ? compact<Work>({ ...embedded, ids: compact({ ...embedded.ids, pmid: embedded.ids?.pmid ?? pmid, pmcid: embedded.ids?.pmcid ?? pmcid }) }) : legacyPage(doc, url);
  if (!work?.title) return { pageKind: 'unrecognized', notes: ['PubMed: no article on this page (no citation_* tags, no abstract block)'] };
  return { pageKind: 'paper', works: [work] };
}

// ---- efetch XML ----

function xmlDate(el: XmlElement | undefined): { year?: number; date?: string } {
  if (!el) return {};
  // A <Year> that is not a year (a damaged response) counts as no year: never NaN.
  const y = cleanText(xmlText(child(el, 'year')));
  const medline = cleanText(xmlText(child(el, 'medlinedate')));
  if (!y || !/^[12]\d{3}$/.test(y)) return { year: parseYear(y ?? medline) ?? parseYear(medline) };
  const mon = cleanText(xmlText(child(el, 'month')));
  const day = cleanText(xmlText(child(el, 'day')));
  const monthNum = mon ? (/^\d+$/.test(mon) ? Number(mon) : MONTHS.indexOf(mon.slice(0, 3).toLowerCase()) + 1) : 0;
  const date = monthNum >= 1 && monthNum <= 12 ? [y, String(monthNum).padStart(2, '0'), day?.padStart(2, '0')].filter(Boolean).join('-') : undefined;
  return { year: Number(y), date };
}

function xmlWork(art: XmlElement): Work | undefined {
  const citation = child(art, 'medlinecitation');
  const article = citation && child(citation, 'article');
  if (!citation || !article) return undefined;
  const pmid = cleanText(xmlText(child(citation, 'pmid')));
  const journal = child(article, 'journal');
  const issueDate = xmlDate(journal && findFirst(journal, 'pubdate'));
  const eDate = xmlDate(child(article, 'articledate'));
  const date = issueDate.date ?? (eDate.year === issueDate.year ? eDate.date : undefined);
  const authors = elements(child(article, 'authorlist') ?? { name: '', attrs: {}, children: [] }, 'author')
    .map((a) => cleanText(xmlText(child(a, 'collectivename'))) ?? cleanText(`${xmlText(child(a, 'forename'))} ${xmlText(child(a, 'lastname'))}`))
    .filter((n): n is string => !!n);
  const abstractEl = child(article, 'abstract');
  const abstract = abstractEl
    ? elements(abstractEl, 'abstracttext')
        .map((p) => cleanText([p.attrs.label ? `${p.attrs.label}:` : '', xmlText(p)].join(' ')))
        .filter(Boolean)
        .join(' ')
    : undefined;
  const idList = child(art, 'pubmeddata') && child(child(art, 'pubmeddata')!, 'articleidlist');
  const idOf = (type: string) => cleanText(xmlText(elements(idList ?? { name: '', attrs: {}, children: [] }, 'articleid').find((e) => e.attrs.idtype === type)));
  const elocDoi = elements(article, 'elocationid').find((e) => e.attrs.eidtype === 'doi');
  const types = elements(child(article, 'publicationtypelist') ?? { name: '', attrs: {}, children: [] }, 'publicationtype').map((t) => xmlText(t));
  const type: WorkType | undefined = types.includes('Preprint') ? 'preprint' : types.includes('Journal Article') ? 'article' : undefined;
  return compact<Work>({
    title: dropMedlinePeriod(cleanText(xmlText(child(article, 'articletitle')))),
    authors,
    year: issueDate.year ?? eDate.year,
    date,
    venue: cleanText(xmlText(journal && child(journal, 'title'))),
    abstract: abstract || undefined,
    ids: compact({ pmid, pmcid: idOf('pmc'), doi: canonicalDoi(idOf('doi') ?? xmlText(elocDoi)) }),
    url: pmid ? `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` : undefined,
    type,
  });
}

export function extractEfetch(text: string): Extraction {
  const set = findFirst(parseXmlText(text), 'pubmedarticleset');
  if (!set) return { pageKind: 'unrecognized', notes: ['PubMed: not an efetch PubmedArticleSet'] };
  const works = elements(set, 'pubmedarticle').map(xmlWork).filter((w): w is Work => !!w?.title || !!w?.abstract);
  if (works.length === 0) return { pageKind: 'unrecognized', notes: ['PubMed: the article set is empty'] };
  return works.length === 1 ? { pageKind: 'paper', works } : { pageKind: 'list', works };
}

export const pubmedAdapter: SiteAdapter = {
  ...site,
  nonMatching: ['https://pubmed.ncbi.nlm.nih.gov/?term=cortisol'],
  rules: [
    {
      kind: 'paper',
      pattern: /^(?:pubmed\.ncbi\.nlm\.nih\.gov\/|www\.ncbi\.nlm\.nih\.gov\/pubmed\/)\d+\/?$/,
      examples: ['https://pubmed.ncbi.nlm.nih.gov/25817406/', 'https://www.ncbi.nlm.nih.gov/pubmed/25817406'],
    },
    {
      kind: 'paper',
      pattern: /^(?:www\.ncbi\.nlm\.nih\.gov\/pmc|pmc\.ncbi\.nlm\.nih\.gov)\/articles\/PMC\d+\/?$/i,
      examples: ['https://www.ncbi.nlm.nih.gov/pmc/articles/PMC13010356/', 'https://pmc.ncbi.nlm.nih.gov/articles/PMC13010356/'],
    },
  ],
  detect(doc, url) {
    if (!PUBMED_PATH.test(target(url)) && !PMC_PATH.test(target(url))) return undefined;
    return doc.querySelector('meta[name="citation_title"], div.rprt.abstract') ? 'paper' : undefined;
  },
  extract: extractPage,
  extractData(text, _url, contentType) {
    if (contentType !== 'xml') return { pageKind: 'unrecognized', notes: ['PubMed: only efetch XML is read'] };
    return extractEfetch(text);
  },
  pageKey(url) {
    const t = target(url);
    return PUBMED_PATH.exec(t)?.[1] ?? PMC_PATH.exec(t)?.[1]?.toUpperCase();
  },
};

export default pubmedAdapter;
