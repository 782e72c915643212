// Reading works from "cards" on pages whose markup is not known in detail
// (Google Research, scite): every link to a work page of the site marks one
// work, and the smallest block around it that holds no other work's link is
// its card. Inside a card the title is the link (or a heading), and the other
// short text lines are the authors and the venue/year. Deliberately plain:
// these adapters are written without a saved page, so they lean on the one
// thing such pages must have — links to the works — and say "try Read this
// page" when even that is missing.

import type { Work } from '../../core/capture';
import { absoluteUrl, cleanText, compact, parseYear, textOf } from '../../core/text';
import { visibleText } from './visible-text';
import { withoutHash } from '../../core/url';

/** Link texts that name an action, not a work. */
const ACTION = /^(?:view(?: details| paper| report)?|details|learn more|read more|download|pdf|abstract|bibtex|cite|share|more)$/i;

export interface Card {
  href: string;
  el: Element;
  title?: string;
}

function linksTo(root: Element, isWork: (u: URL) => boolean, base: URL): Map<string, Element[]> {
  const byHref = new Map<string, Element[]>();
  for (const a of root.querySelectorAll('a[href]')) {
    const abs = absoluteUrl(a.getAttribute('href'), base);
    if (!abs) continue;
    const u = new URL(withoutHash(abs));
    if (!isWork(u)) continue;
    const key = u.href.replace(/\/$/, '');
    (byHref.get(key) ?? byHref.set(key, []).get(key)!).push(a);
  }
  return byHref;
}

/** One card per distinct work link, in page order. */
export function workCards(doc: Document, base: URL, isWork: (u: URL) => boolean): Card[] {
  const root = doc.querySelector('main') ?? doc.querySelector('body') ?? doc.documentElement;
  if (!root) return [];
  const byHref = linksTo(root, isWork, base);
  const cards: Card[] = [];
  for (const [href, links] of byHref) {
    const first = links[0]!;
    // Grow from the link while the block holds no other work's link.
    let el: Element = first;
    for (let i = 0; i < 6 && el.parentElement && el.parentElement !== root; i++) {
      const parent = el.parentElement;
      const others = [...linksTo(parent, isWork, base).keys()].some((k) => k !== href);
      if (others) break;
      el = parent;
    }
    // Visible text: a formula in a title may be drawn (image, SVG, MathJax) and has no text node.
    const named = links.map((a) => visibleText(a)).find((t) => t && !ACTION.test(t));
    const heading = visibleText(el.querySelector('h1, h2, h3, h4, h5, h6'));
    cards.push({ href, el, title: named ?? heading });
  }
  return cards;
}

/** The card's text lines (leaf blocks), minus the title and action labels. */
export function cardLines(card: Card): string[] {
  const lines: string[] = [];
  const walk = (el: Element) => {
    const blocks = [...el.children].filter((c) => !/^(?:SCRIPT|STYLE|svg|SVG|BUTTON)$/.test(c.tagName));
    const hasBlockChild = blocks.some((c) => /^(?:P|DIV|LI|UL|OL|H[1-6]|SECTION|ARTICLE|HEADER|FOOTER)$/i.test(c.tagName));
    if (!hasBlockChild) {
      const t = visibleText(el);
      if (t && t !== card.title && !ACTION.test(t)) lines.push(t);
      return;
    }
    for (const c of blocks) walk(c);
  };
  walk(card.el);
  return lines;
}

/** "A, B and C" / "A, B, C, …" → names, with a flag when the list was cut. */
export function splitAuthors(line: string): { authors: string[]; truncated: boolean } {
  const truncated = /(?:…|\.\.\.|\bet al\.?)\s*$/i.test(line);
  const body = line.replace(/(?:,\s*)?(?:…|\.\.\.|\bet al\.?)\s*$/i, '');
  const authors = body
    .split(/\s*,\s*|\s*;\s*|\s+and\s+|\s*&\s*/)
    .map((s) => cleanText(s))
    .filter((s): s is string => !!s && s.length <= 100);
  return { authors, truncated };
}

const looksLikeNames = (line: string) =>
  line.length <= 1000 && !/\d/.test(line) && /[,;&]|\band\b/.test(line) && !/[.!?]\s+\p{Lu}\p{Ll}+\s/u.test(line);

/** A card as a work: title, authors, venue, year, link; only what is there. */
export function cardWork(card: Card, ids?: Work['ids']): Work | undefined {
  if (!card.title) return undefined;
  const lines = cardLines(card);
  const yearLine = lines.find((l) => l.length <= 300 && parseYear(l) !== undefined);
  const authorLine = lines.find((l) => l !== yearLine && looksLikeNames(l));
  const split = authorLine ? splitAuthors(authorLine) : undefined;
  const venue = yearLine ? cleanText(yearLine.replace(/\(?\s*[12]\d{3}\s*\)?\s*$/, '').replace(/[,·|–-]\s*$/, '')) : undefined;
  return compact({
    title: card.title,
    authors: split?.authors,
    authorsTruncated: split?.truncated || undefined,
    year: parseYear(yearLine),
    venue: venue && !/^\d+$/.test(venue) ? venue : undefined,
    url: card.href,
    ids,
  });
}

/** The text right after a heading that says `label` (e.g. "Abstract"), if any. */
export function textAfterHeading(doc: Document, label: RegExp): string | undefined {
  for (const h of doc.querySelectorAll('h1, h2, h3, h4, h5, h6, dt')) {
    if (!label.test(textOf(h) ?? '')) continue;
    let next = h.nextElementSibling;
    while (next && !textOf(next)) next = next.nextElementSibling;
    const t = textOf(next);
    if (t) return t;
  }
  return undefined;
}

/**
 * What a record page without citation tags shows around its title, read the
 * same way for every such site: the author line, the venue line (its year
 * taken out) and the abstract under its heading.
 */
export function pageRecordFields(doc: Document, venueSelector: string): Pick<Work, 'authors' | 'authorsTruncated' | 'year' | 'venue' | 'abstract'> {
  const authorLine = textOf(doc.querySelector('[class*="author"]'));
  const venueLine = textOf(doc.querySelector(venueSelector));
  const split = authorLine ? splitAuthors(authorLine.replace(/^authors?:?\s*/i, '')) : undefined;
  return {
    authors: split?.authors,
    authorsTruncated: split?.truncated || undefined,
    year: parseYear(venueLine),
    venue: cleanText(venueLine?.replace(/\(?\s*[12]\d{3}\s*\)?\s*$/, '').replace(/[,·|–-]\s*$/, '')),
    abstract: textAfterHeading(doc, /^abstract$/i),
  };
}
