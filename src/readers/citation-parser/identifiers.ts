// Identifiers written in a citation string: DOI, arXiv, PMID, PMCID, ISBN, URL.

import { canonicalArxiv, canonicalDoi } from '../../core/ids';

export interface CitationIds {
  doi?: string;
  arxiv?: string;
  pmid?: string;
  pmcid?: string;
  isbn?: string;
  url?: string;
}

const DOI = /\b10\.\d{4,9}\/[^\s"<>]+/;
const ARXIV = /\barxiv(?:\.org\/(?:abs|pdf)\/|\s*:\s*|\s+(?:preprint\s+)?(?:arxiv\s*:\s*)?)(\d{4}\.\d{4,5}(?:v\d+)?|[a-z-]+(?:\.[a-z]{2})?\/\d{7})/i;
const PMID = /\bPMID\s*:?\s*(\d{1,9})\b/i;
const PMCID = /\b(PMC\d{4,9})\b/;
const ISBN = /\bISBN(?:-1[03])?\s*:?\s*((?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx])\b/i;
const URL_RE = /\bhttps?:\/\/[^\s<>"]+|\bwww\.[^\s<>"]+/i;

export function findIds(text: string): CitationIds {
  const ids: CitationIds = {};
  const doi = DOI.exec(text);
  if (doi) {
    // A DOI at the end of a sentence or inside brackets keeps no full stop or unbalanced closing bracket.
    let raw = doi[0].replace(/[.,;:]+$/, '');
    const count = (c: string): number => raw.split(c).length - 1;
    while (/[)\]]$/.test(raw) && count('(') + count('[') < count(')') + count(']')) raw = raw.slice(0, -1).replace(/[.,;:]+$/, '');
    const d = canonicalDoi(raw);
    if (d) ids.doi = d;
  }
  const ax = ARXIV.exec(text);
  if (ax) {
    const a = canonicalArxiv(ax[1]);
    if (a) ids.arxiv = a;
  }
  const pm = PMID.exec(text);
  if (pm) ids.pmid = pm[1];
  const pmc = PMCID.exec(text);
  if (pmc) ids.pmcid = pmc[1];
  const isbn = ISBN.exec(text);
  if (isbn) ids.isbn = isbn[1]!.replace(/[-\s]/g, '').toUpperCase();
  const url = URL_RE.exec(text);
  if (url) {
    const u = url[0].replace(/[.,;:)\]]+$/, '');
    if (!/^(?:https?:\/\/)?(?:dx\.)?doi\.org\//i.test(u) || !ids.doi) ids.url = u;
  }
  return ids;
}
