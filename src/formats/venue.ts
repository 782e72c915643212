// A venue string as the pages print it, split into what citation formats
// want: the journal, proceedings or book title, volume, issue, pages,
// publisher and year, and what kind of venue it is. Google Scholar prints
// `Journal 4 (2), 197-211`, `2014 IEEE International Conference on
// Communications (ICC), 2363-2368`, `Proceedings of …, 2018`,
// `arXiv preprint arXiv:2112.09544`, `US Patent 11,102,702` or a bare
// publisher (`Cambridge University Press`); other sites give a plain title.
//
// The kind is read from the shape first (a volume means a serial), then from
// words in the name. A name with no locator and no telling word stays
// `unknown`: "Science" could be a journal or a blog, and a wrong guess is
// worse in a bibliography than a plain "howpublished".

export type VenueKind = 'journal' | 'proceedings' | 'collection' | 'preprint' | 'patent' | 'publisher' | 'unknown';

export interface ParsedVenue {
  kind: VenueKind;
  /** Journal, proceedings or book title without the locator; absent for a publisher, a patent or a bare arXiv id. */
  container?: string;
  volume?: string;
  issue?: string;
  /** "197-211" (a hyphen between first and last page) or a single page / article number. */
  pages?: string;
  publisher?: string;
  year?: number;
  /** arXiv id of an `arXiv preprint arXiv:…` venue. */
  arxiv?: string;
  /** A patent's number as printed ("US Patent 11,102,702"). */
  number?: string;
  /** The page cut the string ("…"): the container is kept as shown, cut, and no locator is read from it. */
  truncated?: boolean;
}

const ARXIV = /^(?:arxiv\s+preprint\s+)?arxiv:\s*([a-z.-]*\/?\d{4}\.?\d{3,5}(?:v\d+)?)\b/i;
const CORR = /^CoRR(?:\s+abs\/(\d{4}\.\d{4,5}(?:v\d+)?))?$/;
const PREPRINT_SERVERS = /^(bioRxiv|medRxiv|ChemRxiv|SSRN|Research Square|Preprints|PsyArXiv|SocArXiv|EarthArXiv|OSF Preprints|TechRxiv|engrXiv)\b/i;
const PATENT = /^(?:[A-Z]{2}\s+)?Patent(?:\s+App(?:lication)?\.?)?\s+[\w/,.-]+(?:\s+[\w/,.-]+)?$/i;

// Journals first: "Journal of Physics: Conference Series" is a journal, and so
// are the Proceedings of the National Academy, of the Royal Society and of the IEEE.
const JOURNAL_FIRST = /\bjournal\b|^proc(?:eedings|\.)\s+of\s+the\s+(?:national\s+academy|royal\s+society|ieee\s*$)/i;
const PROCEEDINGS = /\b(proceedings|proc\.|conference|conf\.|symposium|workshop|congress|colloquium|meeting|summit)\b/i;
// "2019 IEEE 10th Annual …", "2023 19th International …": a year and an organiser or an ordinal open a conference's name.
const CONFERENCE_OPENING = /^(?:19|20)\d\d\s+(?:IEEE|ACM|IFIP|IEEE\/ACM|International|\d+(?:st|nd|rd|th))\b/;
const JOURNAL = /\b(transactions|letters|review|reviews|annals|bulletin|magazine|quarterly|acta|archives|gazette|newsletter|zeitschrift|revue|revista|rivista|tijdschrift|procedia)\b/i;
const PUBLISHER = /\b(press|verlag|editorial|editora|éditions|editions|publishing|publishers|books|corporation|corp\.|inc\.?|ltd\.?|llc|gmbh|springer|elsevier|wiley|routledge|teubner|norton|dunod|gauthier-villars)\b/i;

const PAGE = String.raw`[A-Za-z]?\d+[A-Za-z]?`;
// NAME [VOLUME [(ISSUE)]] [, PAGES] — the issue only after a volume, as Scholar prints it.
const LOCATOR = new RegExp(String.raw`^(.*?[^\s,])(?:\s+(\d+[A-Za-z]?)(?:\s*\(([^()]+)\))?)?(?:,\s*(${PAGE}(?:\s*[-–—]\s*${PAGE})?))?$`);
const TRAILING_YEAR = /^(.*?[^\s,]),\s*(1[5-9]\d\d|20\d\d)$/;
const ELLIPSIS = /\s*(?:…|\.\.\.)$/;

/**
 * The venue's parts. `year` is the work's own year when known: a trailing
 * ", 2018" is read as the year only when it is that year (or the work has
 * none), and otherwise as a page.
 */
export function parseVenue(raw: string | undefined, hint: { year?: number } = {}): ParsedVenue {
  const s = (raw ?? '').replace(/\s+/g, ' ').trim();
  if (!s) return { kind: 'unknown' };

  const ax = ARXIV.exec(s);
  if (ax) return { kind: 'preprint', arxiv: ax[1]! };
  const corr = CORR.exec(s);
  if (corr) return { kind: 'preprint', container: 'CoRR', ...(corr[1] ? { arxiv: corr[1] } : {}) };
  if (PREPRINT_SERVERS.test(s)) return { kind: 'preprint', container: PREPRINT_SERVERS.exec(s)![1]! };
  if (PATENT.test(s)) return { kind: 'patent', number: s };

  if (ELLIPSIS.test(s)) {
    // What follows the cut is unknown, so the locator is too: the name stays as shown, with its "…".
    const container = s.replace(ELLIPSIS, ' …');
    return { kind: kindOfName(container, false, false), container, truncated: true };
  }

  const ty = TRAILING_YEAR.exec(s);
  if (ty && !/\d\s*$/.test(ty[1]!) && (hint.year === undefined || hint.year === Number(ty[2]))) {
    const rest = parseVenue(ty[1], {});
    return { ...rest, year: Number(ty[2]) };
  }

  const m = LOCATOR.exec(s);
  const name = m?.[1] ?? s;
  const volume = m?.[2];
  const issue = m?.[3]?.trim();
  const pages = m?.[4]?.replace(/\s*[-–—]\s*/, '-');
  const kind = kindOfName(name, volume !== undefined, pages !== undefined);
  if (kind === 'publisher' && volume === undefined && pages === undefined) return { kind, publisher: name };
  return {
    kind,
    container: name,
    ...(volume !== undefined ? { volume } : {}),
    ...(issue ? { issue } : {}),
    ...(pages !== undefined ? { pages } : {}),
  };
}

function kindOfName(name: string, hasVolume: boolean, hasPages: boolean): VenueKind {
  if (JOURNAL_FIRST.test(name)) return 'journal';
  if (PROCEEDINGS.test(name) || CONFERENCE_OPENING.test(name)) return 'proceedings';
  if (JOURNAL.test(name) || hasVolume) return 'journal';
  // Pages without a volume: a chapter of a book ("Computer and network security essentials, 21-39").
  if (hasPages) return 'collection';
  if (PUBLISHER.test(name)) return 'publisher';
  return 'unknown';
}

/** "197-211" → ["197", "211"]; a single page or article number → [it]. */
export function pageRange(pages: string | undefined): [string, string?] | undefined {
  if (!pages) return undefined;
  const [first, last] = pages.split('-');
  return last ? [first!, last] : [first!];
}
