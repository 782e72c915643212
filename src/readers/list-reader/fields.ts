// One block of a publication list → one work, by local heuristics only:
// the title is the most title-like link/heading/bold text, authors a line or
// a run of links shaped like names, the year the last plausible year outside
// the title, ids from DOI/arXiv/PubMed links. Anything not found is left out.

import type { Work } from '../../core/capture';
import { absoluteUrl, canonicalArxiv, canonicalDoi, cleanText, compact, parseCount } from '../../core/text';
import { flatText, leadingEchoes, linesOf } from './lines';
import { anyNameList, cjkNameList, invertedNamesPrefix, isInvertedName, isName, loneInvertedName, nameList } from './names';
import { heuristicCitation, type CitationParser } from './citation';
import { readLabels } from './field-labels';

export const FIELD_NAMES = ['title', 'authors', 'year', 'venue', 'abstract', 'citations', 'ids', 'url'] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface BlockContext {
  url: URL;
  /** Latest year a work may have (this year + 1). */
  maxYear: number;
  /** A bare-year heading ("2018") the block sits under, if any. */
  headingYear?: number;
  /** A sibling right after the block that holds its abstract (ACL Anthology-style collapsibles). */
  abstractEl?: Element;
  /** Language of the page (<html lang>), lower-cased primary subtag. */
  pageLang?: string;
  /** Text of the table's header cell above each column, when the block is a table row. */
  columnHeads?: string[];
  /** Reads an entry whose title is a plain sentence of a citation (default: the reader's own heuristic). */
  parseCitation?: CitationParser;
  /**
   * A second parser (the learned one of src/readers/citation-parser/) for the sentences the first
   * cannot split; its reading is taken only when it is clearly a citation (LEARNED_CONFIDENCE).
   */
  fallbackCitation?: CitationParser;
  /** Short link texts repeated identically across the group's blocks ("Texto completo", "Full View"): labels, never titles. */
  linkLabels?: Set<string>;
  /** Field labels opening the lines of most of the group's blocks ("título", "autores", lower-cased; field-labels.ts). */
  fieldLabels?: ReadonlySet<string>;
}

/**
 * The learned parser's confidence adds 0.3 for a title, up to 0.25 for authors, 0.2 for a year,
 * 0.15 for a venue, 0.1 for volume or pages: 0.7 needs a title, a year and more than one name or a venue.
 * News lines ("June 2020 Anna Schmidt received …": title, one name, year = 0.6) and team lines stay below.
 */
const LEARNED_CONFIDENCE = 0.7;

// Link texts that are actions or formats, never titles.
const ACTION = /^(?:\[?(?:pdf|html|bib(?:tex)?|abs(?:tract)?|ris|endnote|doi|code|slides|video|poster|data|link|url|cite|save|more|less|download|full ?text|view|export|preview|supplementary.*|related articles|all \d+ versions|cited by.*|\d+ citations?|show (?:abstract|more|less)|read more|get it.*|request.*|import into .*)\]?)$/i;
const TITLE_ATTR = /(?:^|[\s_-])(?:title|headline)(?:$|[\s_-])|title/i;
const HEADING = /^H[1-6]$/;
const ABSTRACT_ATTR = /abstract/i;
const ABSTRACT_SUMMARY = /^(?:abstract|summary|概要|要旨|摘要|抄録|초록|r[ée]sum[ée]|resumo|resumen|zusammenfassung|kurzfassung|аннотация)\s*:?$/i;
const TRANSLATED = /machine[- ]translat|automatic(?:ally)? translat|translated (?:abstract|automatically|by)|traduction automatique|maschinell übersetzt|traducci[oó]n autom[aá]tica|機械翻訳|机器翻译/i;

function attrs(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''} ${el.getAttribute('itemprop') ?? ''} ${el.getAttribute('data-testid') ?? ''}`;
}

function words(s: string): number {
  const cjk = s.match(/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g)?.length ?? 0;
  return s.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length + Math.floor(cjk / 2);
}

interface Candidate {
  el: Element;
  text: string;
  score: number;
  /** What made it the title, for the record's reasons. */
  kind: 'heading' | 'marked' | 'link' | 'emphasis';
}

/** The most title-like element of a block. */
function titleCandidate(block: Element, labels?: Set<string>): Candidate | undefined {
  let best: Candidate | undefined;
  const els = [block, ...Array.from(block.querySelectorAll('a, h1, h2, h3, h4, h5, h6, strong, b, cite, em, i, [class*="title"], [class*="Title"], [itemprop="name"], [itemprop="headline"]'))];
  let order = 0;
  let ranked = 0;
  for (const el of els) {
    if (order++ > 400) break;
    const tag = el.tagName.toUpperCase();
    const a = attrs(el);
    const titled = TITLE_ATTR.test(a) && !/subtitle|title-?bar|page-?title|tooltip/i.test(a);
    const italic = tag === 'EM' || tag === 'I';
    // Italics mark titles in some styles and venues in others: weaker than bold, and never a short phrase.
    const kind = HEADING.test(tag) ? 2 : titled ? 3 : tag === 'A' ? 1 : tag === 'STRONG' || tag === 'B' || tag === 'CITE' ? 1 : italic ? 0.8 : 0;
    if (kind === 0 || el === block) continue;
    const text = flatText(el);
    if (!text || text.length > 500 || ACTION.test(text) || labels?.has(text) || /^[\d\s.,()[\]-]+$/.test(text)) continue;
    const w = words(text);
    if (w < 1 || text.length < 3) continue;
    // A field label ("Citações:", "Keywords:") names what follows; it is not the title.
    if (w <= 3 && /:$/.test(text)) continue;
    if (italic && (w < 3 || /^(?:in|en|dans|im)\b/i.test(text))) continue;
    // Short titles exist ("Opticks"); a one-word text must make up for it by coming first.
    let score = kind + Math.min(w, 8) / 8 - (w < 2 ? 0.3 : 0) + (ranked === 0 ? 0.7 : 0);
    ranked++;
    // Emphasis marks the title; muted text and "Proceedings of …"/"In …" mark the venue.
    if (el.closest('strong, b, h1, h2, h3, h4, h5, h6') && block.contains(el.closest('strong, b, h1, h2, h3, h4, h5, h6'))) score += 1.5;
    if (/muted|gr[ae]y|secondary|venue|journal|source/i.test(a)) score -= 1.5;
    if (/^(?:in:?\s|proceedings\b|proc\.|journal\b|transactions\b)/i.test(text)) score -= 1.5;
    // Identifier lines ("arXiv:2512.00309 [pdf, ps, other]", "doi:10.…") label a record; they are not its title.
    if (/^(?:arxiv:|doi:|10\.\d{4,9}\/|https?:\/\/)/i.test(text) || /\[(?:pdf|html|ps)\b/i.test(text)) score -= 3;
    if (isName(text) || isInvertedName(text) || anyNameList(text)?.names.length) score -= titled ? 1 : 3;
    if (tag === 'A' && /\/(?:people|person|author|authors|profile|user)s?\//i.test(el.getAttribute('href') ?? '')) score -= 3;
    if (!best || score > best.score)
      best = { el, text: stripMarks(text), score, kind: HEADING.test(tag) ? 'heading' : titled ? 'marked' : tag === 'A' ? 'link' : 'emphasis' };
  }
  return best && best.score >= 1.5 ? best : undefined;
}

function stripMarks(t: string): string {
  // Result pages prefix titles with the format ("[PDF]", "[HTML]", "[CITATION]").
  // Some lists label the field ("Title: …").
  return t.replace(/^(?:\[[A-Z]+\]\s*)+/, '').replace(/^(?:title|titel|titre|t[ií]tulo)\s*:\s*/i, '').replace(/[.\s]+$/, (m) => (m.includes('.') && !/\.\.$/.test(t) ? '' : m)).trim();
}

function authorsOf(block: Element, lines: string[], title: string | undefined, titleEl: Element | undefined): { names: string[]; truncated: boolean } | undefined {
  // 1. Elements the page marks as authors.
  const marked = Array.from(block.querySelectorAll('[class*="author" i], [itemprop="author"], [itemprop="creator"]')).filter(
    (el) => !el.parentElement?.closest('[class*="author" i], [itemprop="author"]') || el.parentElement === block,
  );
  if (marked.length === 1) {
    const l = anyNameList(flatText(marked[0]!) ?? '');
    if (l?.names.length) return l;
  } else if (marked.length > 1) {
    const names = marked.map((el) => cleanText(flatText(el)?.replace(/[,;]$/, ''))).filter((n): n is string => !!n && isName(n));
    if (names.length) return { names, truncated: false };
  }
  // 2. A run of links shaped like names (profile links).
  const { names: linkNames, box } = linkNameRun(block, titleEl);
  // The linked names are those with a profile; the box's line may name the others too ("S Albeverio, <a>F
  // Gesztesy</a>, R Hoegh-Krohn - 2012 - host"): its whole list, when it holds every linked name in order.
  const whole = linkNames.length ? boxNameList(box, linkNames) : undefined;
  if (whole) return whole;
  if (linkNames.length >= 2) return { names: linkNames, truncated: false };
  const fromLines = namesInLines(block, lines, title);
  if (fromLines) return fromLines;
  if (linkNames.length === 1) {
    // Sort keys before the entry ("CHAVES, I. S." "2010" then "CHAVES, I. S. ; Rodrigues SG ; …") hide the author
    // line's start: read the lines again without them before taking one linked name for the authors.
    const echoes = leadingEchoes(block);
    const again = echoes.size ? namesInLines(block, linesOf(block, 20_000, echoes), title) : undefined;
    return again ?? { names: linkNames, truncated: false };
  }
  return undefined;
}

/**
 * Link texts of four words or fewer found identically in three blocks or more and in 30 % of them: what every
 * entry offers ("PDF", "Texto completo", "[Google Scholar]"), a label of the page, not a work's title. Names
 * repeated so (the owner's, linked in every entry) stay names: only titles are affected.
 */
export function repeatedLinkLabels(members: Element[]): Set<string> {
  const count = new Map<string, number>();
  for (const m of members) {
    const here = new Set<string>();
    for (const a of Array.from(m.querySelectorAll('a'))) {
      const t = flatText(a);
      if (t && t.length <= 40 && words(t) <= 4) here.add(t);
    }
    for (const t of here) count.set(t, (count.get(t) ?? 0) + 1);
  }
  const out = new Set<string>();
  const floor = Math.max(3, 0.3 * members.length);
  for (const [t, n] of count) if (n >= floor) out.add(t);
  return out;
}

const LINK_BOX = 'div, p, li, td, th, dd, dt, section, article, header, footer, aside, h1, h2, h3, h4, h5, h6, tr, ul, ol, table, blockquote';

/**
 * The links of a block shaped like names, from the one box (the nearest block-level element) holding most of them:
 * an author line's profile links sit together, a link label elsewhere in the entry ("Full View" beside the
 * full-text links) is not one of them even when it has a name's shape.
 */
function linkNameRun(block: Element, titleEl: Element | undefined): { names: string[]; box?: Element } {
  const byBox = new Map<Element | null, string[]>();
  for (const a of Array.from(block.querySelectorAll('a'))) {
    if (a === titleEl || titleEl?.contains(a)) continue;
    const t = flatText(a) ?? '';
    if (!isName(t)) continue;
    const box = a.parentElement?.closest(LINK_BOX) ?? null;
    const key = box && block.contains(box) ? box : block;
    let list = byBox.get(key);
    if (!list) byBox.set(key, (list = []));
    list.push(t);
  }
  let best: string[] = [];
  let bestBox: Element | undefined;
  for (const [box, list] of byBox) if (list.length > best.length) [best, bestBox] = [list, box ?? undefined];
  return { names: best, box: bestBox };
}

/** The name list of a link run's box (its text up to a " - " separator), when it is longer and holds every linked name in order. */
function boxNameList(box: Element | undefined, linked: string[]): { names: string[]; truncated: boolean } | undefined {
  const text = box ? flatText(box) : undefined;
  if (!text || text.length > 600) return undefined;
  const head = text.split(/\s+[-–]\s+/)[0] ?? '';
  const l = anyNameList(head) ?? nameList(head);
  if (!l || l.names.length <= linked.length) return undefined;
  let at = 0;
  for (const n of linked) {
    const i = l.names.indexOf(n, at);
    if (i < 0) return undefined;
    at = i + 1;
  }
  return l;
}

/** 3. A line shaped like a list of names, or starting with one before " - " ("A Smith, B Wu - Journal, 2019 - host"). */
function namesInLines(block: Element, lines: string[], title: string | undefined): { names: string[]; truncated: boolean } | undefined {
  const titleAt = title ? lines.findIndex((l) => l.includes(title)) : -1;
  for (const [i, line] of lines.entries()) {
    if (line === title) continue;
    const l = anyNameList(line) ?? nameList(line.split(/\s+[-–]\s+/)[0] ?? '') ?? invertedNamesPrefix(line);
    // A lone name counts only right under the title, where list pages put the author line (above it: boldNameAbove).
    if (l && (l.names.length >= 2 || l.truncated || /^(?:authors?|by)\b/i.test(line) || (titleAt >= 0 && i === titleAt + 1))) return l;
  }
  return undefined;
}

/**
 * A lone name right above the title, printed in bold as a unit of its own ("<strong>Mackie JL</strong>" over
 * the title of a card): the author, taken last, when nothing else gave names (a bold label over the title,
 * "Book Chapters", has a name's shape too).
 */
function boldNameAbove(block: Element, lines: string[], title: string): { names: string[]; truncated: boolean } | undefined {
  const at = lines.findIndex((l) => l.includes(title));
  const above = at > 0 ? lines[at - 1]! : undefined;
  const l = above ? anyNameList(above) : undefined;
  return l && Array.from(block.querySelectorAll('strong, b')).some((el) => flatText(el) === above) ? l : undefined;
}

/** The entry's year (the last plausible one), and a weaker one to fall back on after a heading's. */
function yearsOf(raw: string, maxYear: number): { year?: number; weak?: number } {
  // Full-width digits ("２０２１年", Japanese and Chinese pages) are digits.
  const text = raw.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  let found: number | undefined;
  let weak: number | undefined;
  // From 1500: older books are listed too (Newton's). The last year wins: page ranges come before it.
  // Not glued to a letter before it ("D1761-D1767", an article number) nor a volume before its pages ("1638:461900").
  for (const m of text.matchAll(/(?:^|[^\d/.\-\p{L}])(1[5-9]\d{2}|20\d{2})(?![\d-]|:\d)/gu)) {
    const y = Number(m[1]);
    if (y < 1500 || y > maxYear) continue;
    // A number beside an en or em dash is one end of a range: pages ("66(7), 1693–1704") more often than
    // years; before "(issue):" it is a volume ("1864(10):3099-3108") as often as a year. Such a year counts
    // only when nothing else gives one, and then a range's first ("1984–1985").
    const at = m.index + m[0].length;
    if (text[at] === '–' || text[at] === '—' || text[at - 5] === '–' || text[at - 5] === '—' || /^\(\d{1,4}[a-z]?\)\s*:/i.test(text.slice(at, at + 10))) weak ??= y;
    else found = y;
  }
  return { year: found, weak };
}


function idsOf(block: Element, text: string): Work['ids'] {
  const ids: NonNullable<Work['ids']> = {};
  for (const a of Array.from(block.querySelectorAll('a[href]')).slice(0, 60)) {
    const href = a.getAttribute('href') ?? '';
    if (!ids.doi && /doi\.org\/10\./i.test(href)) ids.doi = canonicalDoi(href);
    if (!ids.arxiv && /arxiv\.org\/(?:abs|pdf)\//i.test(href)) ids.arxiv = canonicalArxiv(href.split(/arxiv\.org\/(?:abs|pdf)\//i)[1]);
    const pm = /pubmed(?:\.ncbi\.nlm\.nih\.gov|\/)\/?(\d{4,9})\b/i.exec(href);
    if (!ids.pmid && pm) ids.pmid = pm[1];
  }
  if (!ids.doi) {
    const m = /\bdoi:?\s*(10\.\d{4,9}\/[^\s"<>]+)/i.exec(text) ?? /\b(10\.\d{4,9}\/[^\s"<>]+)/.exec(text);
    if (m) ids.doi = canonicalDoi(m[1]);
  }
  if (!ids.arxiv) {
    const m = /\barxiv:\s*(\d{4}\.\d{4,5}|[a-z-]+\/\d{7})/i.exec(text);
    if (m) ids.arxiv = canonicalArxiv(m[1]);
  }
  return compact(ids);
}

function citationsOf(block: Element, text: string, ctx: BlockContext): number | undefined {
  const m = /\bcited by\s*:?\s*([\d][\d,.\s\u00a0]*)/i.exec(text) ?? /\b([\d][\d,.\u00a0]*)\s+citations?\b/i.exec(text) ?? /\bcitations?\s*:\s*([\d][\d,.\u00a0]*)/i.exec(text);
  if (m) return parseCount(m[1]);
  if (ctx.columnHeads && block.tagName.toUpperCase() === 'TR') {
    const col = ctx.columnHeads.findIndex((h) => /cit|zitiert|cité|citad|цитир|引用/i.test(h));
    const cell = col >= 0 ? block.children[col] : undefined;
    const v = cell ? flatText(cell) : undefined;
    if (v && /^[\d,.\s]+$/.test(v)) return parseCount(v);
  }
  return undefined;
}

function abstractOf(block: Element, ctx: BlockContext): { text: string; el: Element } | undefined {
  const inside = Array.from(block.querySelectorAll('[class], [itemprop="description"], [id]')).filter((el) => ABSTRACT_ATTR.test(attrs(el)) || el.getAttribute('itemprop') === 'description');
  const els = ctx.abstractEl ? [...inside, ctx.abstractEl] : inside;
  let best: { text: string; el: Element } | undefined;
  // A collapsed <details> whose <summary> says "Abstract" ("概要", "Resumo" …) holds it, summary aside.
  for (const d of Array.from(block.querySelectorAll('details'))) {
    const summary = d.querySelector('summary');
    if (!summary || !ABSTRACT_SUMMARY.test(flatText(summary) ?? '')) continue;
    const t = cleanText(
      Array.from(d.childNodes)
        .filter((n) => n !== summary)
        .map((n) => (n.nodeType === 1 ? flatText(n as Element) ?? '' : n.nodeType === 3 ? n.nodeValue ?? '' : ''))
        .join(' '),
    );
    if (t && words(t) >= 8 && (!best || t.length > best.text.length)) best = { text: t, el: d };
  }
  for (const el of els) {
    const t = flatText(el)?.replace(/\s*(?:[▽△]\s*)?(?:More|Less)\s*$/u, '').replace(/^abstract\s*:?\s*/i, '');
    if (t && words(t) >= 8 && (!best || t.length > best.text.length)) best = { text: t, el };
  }
  return best;
}

function venueOf(block: Element, lines: string[], used: Set<string>): string | undefined {
  // Not an emphasised name in the author line ("<em>Boqi Chen</em>, …": the owner highlighted).
  const marked = Array.from(block.querySelectorAll('[class*="venue" i], [class*="journal" i], [class*="booktitle" i], [class*="proceedings" i], [itemprop="isPartOf"], [class*="container-title" i], cite, i, em')).find(
    (el) => !el.closest('[class*="author" i]'),
  );
  const fromMark = marked ? flatText(marked) : undefined;
  if (fromMark && !used.has(fromMark) && /\p{L}{2}/u.test(fromMark) && fromMark.length < 300) return fromMark;
  for (const line of lines) {
    if (used.has(line) || line.length > 300 || !/\p{L}{3}/u.test(line) || ACTION.test(line)) continue;
    if (/^(?:cited by|\d+ citations?|related|all \d+ versions|abstract|show|hide|doi\b|pdf\b|submitted|originally announced|published|received|accepted|comments:)/i.test(line)) continue;
    if (nameList(line)) continue;
    if (words(line) > 40) continue;
    const v = line.replace(/[,\s]*\(?(?:19|20)\d{2}\)?\.?$/, '').trim();
    if (v && /\p{L}{3}/u.test(v)) return v;
  }
  return undefined;
}

/** A citation string "Authors. Title. Venue, year." split into parts, when that is all a block has. */
function fromCitationString(line: string): { authors?: string[]; title?: string; venue?: string } | undefined {
  const parts = line.split(/(?<=[^\s.]{2}|\))\.\s+(?=[\p{Lu}“"(\d])/u);
  if (parts.length < 2) return undefined;
  const head = nameList(parts[0]!.replace(/\s*\((?:19|20)\d{2}\)\s*$/, ''));
  if (!head) return undefined;
  const title = parts[1]?.replace(/^[“"]|[”"]$/g, '').trim();
  return title && words(title) >= 2 ? { authors: head.names, title, venue: cleanText(parts.slice(2).join('. ')) } : undefined;
}

/** Starts with an inverted name ("FALEIRO, R.", "Volobuef, Cristiane") and ends on a year or page: a citation, not prose. */
function citationShaped(line: string): boolean {
  return /^(?:\[?\d{1,4}[.)\]]\s*)?(?:\p{Ll}{1,3}\s)?\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+)*,\s*\p{Lu}/u.test(line) && /(?:19|20)\d{2}\b/.test(line.slice(-80)) && /\s;\s|\s\.\s/.test(line);
}

export interface BlockReading {
  work?: Work;
  found: Set<FieldName>;
  /** Why the block was read as a work, short machine-readable tokens ("title:link", "authors:before-title", "year:heading"). */
  reasons: string[];
}

// A quoted title ("…," in IEEE/ACM and economics styles): at least three words inside straight or curly quotes.
// "(2021). Title words. " or "2021. Title words. In A. Editor (Eds.), " right before the italic text.
const YEAR_THEN_SENTENCE = /(?:\(\s*(?:1[5-9]|20)\d{2}[a-z]?(?:,[^)]{0,20})?\s*\)|\b(?:1[5-9]|20)\d{2}[a-z]?)\s*[.:]\s+(\S.*?)[.?!]["”’]?\s+(?:(?:in|en|dans|im):?\s+(?:[^()]{0,150}?\((?:eds?|hrsg|dir|coords?|org|ed)\.?\),?\s+)?)?$/i;

/** The italic text follows a year and a plain sentence of three words or more (APA's title before the container). */
function italicAfterTitle(flat: string, italic: string): boolean {
  const at = flat.indexOf(italic);
  if (at <= 0) return false;
  const m = YEAR_THEN_SENTENCE.exec(flat.slice(Math.max(0, at - 600), at));
  return !!m && words(m[1]!) >= 3 && !/[“"”]/.test(m[1]!);
}

const QUOTED = /(?:^|[\s(:])[“"]([^”"]{12,300}?)[,.]?[”"]/u;
// Japanese quotes: 「」 around an article's title, 『』 around a book's (or the journal's, after the article): the first.
// After a separator or at the start: a quote glued to a word ("ワークショップ「若手研究者講演」") names a part of the venue.
// Also a CJK title in “” or "" ("山田太郎, 鈴木花子, "標題", 誌名"): four characters are enough there.
const QUOTED_CJK = /(?:^|[\s：:，、,.．(（])(?:[「『]([^「『」』]{4,300}?)[」』]|[“"]((?=[^”"]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[^”"]{4,300}?)[,.，]?[”"])/u;

/** CJK names before a quoted title, or two of them or more before any title (one CJK word alone may be a label). */
function cjkBefore(line: string, title: string, before: string): { names: string[]; truncated: boolean } | undefined {
  const l = cjkNameList(before);
  if (!l) return undefined;
  const quoted = /[「『“"]\s*$/u.test(line.slice(0, line.indexOf(title)));
  return quoted || l.names.length >= 2 ? l : undefined;
}

/** The names before the title on its line ("1. Roth, Philip & Haupt, Andreas (2025): <title>"). */
function namesBefore(lines: string[], title: string): { names: string[]; truncated: boolean } | undefined {
  const line = lines.find((l) => l.includes(title));
  if (!line) return undefined;
  const before = line
    .slice(0, line.indexOf(title))
    .replace(/^\s*[[（(]?[\d０-９]{1,4}[.)\]）．]\s*/u, '')
    // The opening quote of a quoted title goes first: the year may sit before it ("Haupt. 2011. “Title.”").
    .replace(/[\s"“「『]+$/u, '')
    .replace(/[\s,:;]*\(?(?:(?:1[5-9]|20)\d{2}[a-z]?|n\.d\.|in press|forthcoming)\)?[\s:.,]*$/i, '')
    // The stop before the year goes, not an initial's ("Dabney, J. 1796." keeps "J.").
    .replace(/(?<!\b\p{Lu})[\s,:;.]+$/u, '')
    .replace(/[\s,:;"“]+$/u, '')
    .trim();
  if (before.length < 3) return undefined;
  const l = anyNameList(before) ?? anyNameList(before.replace(/\.$/, '')) ?? cjkBefore(line, title, before);
  if (l) return l;
  // One "Surname, Given" all alone before the title ("Hinsman, Abby. “Title.”"): the author.
  const lone = loneInvertedName(before);
  return lone ? { names: [lone], truncated: false } : undefined;
}

/** The names right after the title on its line ("<a>Title</a>. Smith, J., Doe, A. Journal, 2019."), up to the first sentence end. */
function namesAfter(lines: string[], title: string): { names: string[]; truncated: boolean } | undefined {
  const line = lines.find((l) => l.includes(title));
  if (!line) return undefined;
  // A spaced dash separates the parts as a stop does ("“Title” — A. Author and B. Author — Venue (2019)").
  const after = line.slice(line.indexOf(title) + title.length).replace(/^[\s.,:;"”’)]+(?:[—–]\s+)?/u, '');
  if (after.length < 3) return undefined;
  // Not after a hyphenated initial ("B.-H. Lim"): its "-H" is no word that ends a sentence.
  const cut = /(?<=[^\s.‐-]{2}|\))\.\s+|\s[—–]\s/u.exec(after);
  const head = cut ? after.slice(0, cut.index) : after;
  const l = anyNameList(head) ?? invertedNamesPrefix(after);
  if (l || !cut) return l;
  // One "Surname, Given" as a sentence of its own right after the title ("<a>Title</a>. Wandel, Lee Palmer. Journal…").
  const lone = loneInvertedName(head);
  return lone ? { names: [lone], truncated: false } : undefined;
}

/**
 * One "Surname, Given" name on a line of its own right above or below the title, printed in bold or
 * marked as a unit ("<strong>Atkins, Robert</strong>" over the title of a card): the author. Alone, the
 * shape is ambiguous ("Deep Learning, Vision"), so it counts only in that place and set apart so.
 */
function loneInvertedBeside(block: Element, lines: string[], title: string): { names: string[]; truncated: boolean } | undefined {
  const at = lines.findIndex((l) => l.includes(title));
  if (at < 0) return undefined;
  for (const i of [at - 1, at + 1]) {
    const l = lines[i]?.replace(/[.,;:]$/, '');
    if (!l || l.split(/\s+/).length > 5 || !isInvertedName(l)) continue;
    const own = Array.from(block.querySelectorAll('strong, b, span, div, p')).some((el) => flatText(el)?.replace(/[.,;:]$/, '') === l);
    // Right under the title, a line of its own (between <br>s) is set apart enough, when it has a name's words only.
    if (!own && !(i === at + 1 && loneInvertedName(l))) continue;
    const c = l.indexOf(',');
    return { names: [`${l.slice(c + 1).trim()} ${l.slice(0, c).trim()}`], truncated: false };
  }
  return undefined;
}

/** The year in an element of its own that opens the entry ("<span>2026</span> Title …", a line "2026"), or undefined. */
function yearLabel(block: Element, flat: string, maxYear: number): number | undefined {
  const first = Array.from(block.querySelectorAll('*'))
    .slice(0, 40)
    .find((el) => (flatText(el) ?? '') !== '');
  const t = first ? flatText(first)?.trim() : undefined;
  const m = t ? /^[([]?((?:1[5-9]|20)\d{2})[)\]]?$/.exec(t) : undefined;
  if (!m || !flat.trimStart().startsWith(t!) || flat.trim() === t) return undefined;
  const y = Number(m[1]);
  return y <= maxYear ? y : undefined;
}

// A mark in brackets ("(*)", "[†]"), or a dagger or a superscript figure alone ("¹ Equal contribution"; not a bare
// "*", which some lists use as a bullet).
const MARK_NOTE = /^\s*(?:[(\[]\s*[*†‡§¶#¹²³⁴⁵⁶⁷⁸⁹]{1,3}\s*[)\]]|[†‡§¶¹²³⁴⁵⁶⁷⁸⁹]{1,2})\s*\p{L}/u;

export function readBlock(block: Element, ctx: BlockContext): BlockReading {
  const found = new Set<FieldName>();
  const reasons: string[] = [];
  // Entries written as "Label: value" lines: the labels cut off, the fields they name taken as stated.
  const labelled = ctx.fieldLabels?.size ? readLabels(linesOf(block), ctx.fieldLabels) : undefined;
  const stated = labelled?.fields ?? {};
  const lines = labelled?.lines ?? linesOf(block);
  const text = lines.join(' \n ');
  if (text.length < 12 || text.length > 20_000) return { found, reasons };
  // A text that opens on a mark ("(*) Equal contribution. …", "[†] Corresponding author", "¹ Equal …") is the key
  // to the marks beside the authors' names, not a work, whatever follows it.
  if (MARK_NOTE.test(text)) return { found, reasons };
  let cand = stated.title ? undefined : titleCandidate(block, ctx.linkLabels);
  const flat0 = lines.join(' ');
  // APA and Harvard put the title in plain text after the year and the container in italics: an italic text
  // after "(2021). A sentence of the title." is the journal or book, and the entry is read as a citation.
  if (cand && /^(?:EM|I)$/i.test(cand.el.tagName) && !cand.el.closest('strong, b, h1, h2, h3, h4, h5, h6, a') && italicAfterTitle(flat0, flatText(cand.el) ?? cand.text)) cand = undefined;
  let title = stated.title ? stripMarks(stated.title).replace(/[.,;]$/u, '').trim() || undefined : cand?.text;
  let titleHow: string | undefined = stated.title ? 'field-label' : cand?.kind;
  const flat = lines.join(' ');
  const latin = QUOTED.exec(flat.slice(0, 2000));
  // A title in 「」 only where the entry marks no other: a bold or linked title wins over a quoted part of its venue.
  const cjkq = latin || cand ? undefined : QUOTED_CJK.exec(flat.slice(0, 2000));
  const q = latin ?? (cjkq ? ([cjkq[0], cjkq[1] ?? cjkq[2]!] as const) : undefined);
  if (q && !stated.title && words(q[1]!) >= 3 && (!cand || (cand.kind === 'emphasis' && !cand.text.includes(q[1]!)) || (cand.kind === 'link' && !q[1]!.includes(cand.text) && cand.score < 2))) {
    title = q[1]!.replace(/[,.]$/, '').trim();
    titleHow = 'quoted';
    cand = undefined;
  }
  const statedNames = stated.authors ? statedAuthors(stated.authors) : undefined;
  let authors = statedNames ?? authorsOf(block, lines, title, cand?.el);
  let authorsHow = statedNames ? 'field-label' : authors ? 'name-list' : undefined;
  if (title && (!authors || (authors.names.length === 1 && !lines.some((l) => l.startsWith(authors!.names[0]!))))) {
    const b = namesBefore(lines, title);
    if (b?.names.length) {
      authors = b;
      authorsHow = 'before-title';
    }
  }
  if (title && !authors) {
    const a = namesAfter(lines, title) ?? loneInvertedBeside(block, lines, title);
    if (a?.names.length) {
      authors = a;
      authorsHow = 'after-title';
    }
  }
  if (title && !authors) {
    const a = boldNameAbove(block, lines, title);
    if (a?.names.length) {
      authors = a;
      authorsHow = 'before-title';
    }
  }
  if (!title && lines.length >= 2 && words(lines[0]!) >= 2 && lines[0]!.length <= 300) {
    // An emphasised first line over a line of two names or more is the title, even when its words are
    // all capitalised like a name ("Database Gyms" over "Wan Shen Lim (CMU)*; Matthew Butrovich (CMU)").
    // A term over a description (below) may hold one name of any shape: the markup pairs them.
    const paired =
      Array.from(block.querySelectorAll('dt')).some((el) => flatText(el) === lines[0]) && Array.from(block.querySelectorAll('dd')).some((el) => flatText(el) === lines[1]);
    const loneBelow = paired ? loneInvertedName(lines[1]!.replace(/[,;]$/, '')) : undefined;
    const below = anyNameList(lines[1]!) ?? (loneBelow ? { names: [loneBelow], truncated: false } : undefined);
    // A definition list's term is set apart as a heading is (a <dt> over its <dd>s: title over authors and venue).
    const emphasised = Array.from(block.querySelectorAll('b, strong, h1, h2, h3, h4, h5, h6, a, dt')).some((el) => flatText(el) === lines[0]);
    // Or over one "Surname, Given" with initials or a surname in capitals ("BOAVENTURA, Edivaldo M."): a name
    // read by the strict pattern, which a title in bold above it is not.
    const oneInverted = below?.names.length === 1 && isInvertedName(lines[1]!.replace(/[.,;]$/, '')) && !isInvertedName(lines[0]!);
    // Or a term over a description of names ("<dt>Title</dt><dd>Yu, Jiyuan</dd><dd>Journal …</dd>"): the markup
    // itself pairs them, so one name of any shape is the author, and a term whose words read as names
    // ("Comparison, Self-praise and Irony: …") is still the title.
    if (emphasised && below && (below.names.length >= 2 || oneInverted || paired) && (paired || (anyNameList(lines[0]!)?.names.length ?? 0) < 2)) {
      title = stripMarks(lines[0]!);
      titleHow = 'first-line';
      authors = below;
      authorsHow = 'name-list';
    }
  }
  let venue: string | undefined;
  let citedYear: number | undefined;
  if (!title) {
    // A plain sentence of a citation: hand the whole entry to the citation parser.
    const parse = ctx.parseCitation ?? heuristicCitation;
    let parsed = parse(flat);
    if (!parsed.title || parsed.confidence < 0.4) {
      const echoes = leadingEchoes(block);
      if (echoes.size) parsed = parse(linesOf(block, 20_000, echoes).join(' '));
    }
    if ((!parsed.title || parsed.confidence < 0.4) && ctx.fallbackCitation) {
      const learned = ctx.fallbackCitation(flat);
      if (learned.title && learned.confidence >= LEARNED_CONFIDENCE && words(learned.title) >= 2) parsed = learned;
    }
    if (parsed.title && parsed.confidence >= 0.4) {
      title = parsed.title;
      titleHow = 'citation-sentence';
      venue = parsed.venue;
      citedYear = parsed.year;
      // Names read off the very line the citation's title is ("Knowledge Compilation and Theory Approximation"
      // reads as two names) are the title's words, not its authors.
      if (authors && authors.names.every((n) => parsed.title!.includes(n))) {
        authors = namesAfter(lines, parsed.title) ?? undefined;
        authorsHow = authors ? 'after-title' : undefined;
      }
      if (!authors && parsed.authors?.length) {
        authors = { names: parsed.authors, truncated: false };
        authorsHow = 'citation-sentence';
      }
    }
  }
  const abs = abstractOf(block, ctx);
  let abstract = abs?.text;
  if (!title && !abstract) {
    // Citation-context style: a paragraph of prose and nothing else.
    // A citation the parser could not split ("SURNAME, G. ; … . Title. Journal, v. 3, 2020.") is not an abstract.
    const long = lines.find((l) => words(l) >= 25 && !citationShaped(l) && !anyNameList(l));
    if (long) abstract = long;
  }
  // The title is cut out of its line, not the line dropped: in a one-line citation the year and names share it.
  const rest = lines
    .flatMap((l) => (title && l.includes(title) ? l.split(title) : [l]))
    .map((l) => l.trim())
    .filter((l) => l && l !== abstract && !(abstract && abstract.includes(l) && l.length > 60));
  const titleLines = new Set(lines.filter((l) => title && (l === title || l.includes(title))));
  const nonTitle = lines.filter((l) => !titleLines.has(l) && l !== abstract && !(abstract && abstract.includes(l) && l.length > 60));
  // A count ("Cited by 1785", "1800 citations") is no year, and a note's year ("Comments: Accepted at SIGMOD 2026")
  // is taken only when the entry states no other.
  const counted = rest.map((l) => l.replace(/\b(?:cited by|zitiert von|citado por|citations?\s*:)\s*\d[\d,.]*|\bcit[ée]e?s?\s+\d[\d,.]*\s+fois|\b\d[\d,.]*\s+(?:citations?|cites|zitate)\b/gi, ' '));
  const isNote = (l: string) => /^(?:comments?|notes?|remarks?)\s*:/i.test(l);
  const all = yearsOf(counted.join(' \n '), ctx.maxYear);
  // A year all alone on the entry's first line is its label ("<span>2026</span> Title …"): later years are
  // notes' (an award, a talk on it, a date of acceptance).
  const labelYear = (stated.year ? yearsOf(stated.year, ctx.maxYear).year : undefined) ?? yearLabel(block, flat, ctx.maxYear);
  const ownYear = labelYear ?? yearsOf(counted.filter((l) => !isNote(l)).join(' \n '), ctx.maxYear).year ?? all.year ?? citedYear ?? (ctx.headingYear === undefined ? all.weak : undefined);
  const year = ownYear ?? ctx.headingYear;
  const used = new Set<string>([...titleLines, ...(abstract ? [abstract] : [])]);
  for (const l of lines) if (authors && anyNameList(l)) used.add(l);
  venue ??= stated.venue?.replace(/[.,;]$/u, '').trim() || venueOf(block, nonTitle, used);
  if (venue && title && (venue === title || title.includes(venue))) venue = undefined;
  if (venue && /^(?:19|20)\d{2}$/.test(venue)) venue = undefined;
  const href = cand?.el.tagName.toUpperCase() === 'A' ? cand.el.getAttribute('href') : cand?.el.querySelector('a[href]')?.getAttribute('href');
  const flags: string[] = [];
  if (!title && abstract) flags.push('no-title');
  if (abstract && (TRANSLATED.test(text) || (abs && /translat/i.test(attrs(abs.el))) || langDiffers(abs?.el, ctx.pageLang, block))) flags.push('translated-abstract');
  const work = compact<Work>({
    title,
    authors: authors?.names,
    authorsTruncated: authors?.truncated || undefined,
    year,
    venue,
    abstract,
    citations: citationsOf(block, text, ctx),
    ids: idsOf(block, text),
    url: href && !href.startsWith('#') && !/^javascript:/i.test(href) ? absoluteUrl(href, ctx.url) : undefined,
    flags,
  });
  if (!work.title && !work.abstract) return { found, reasons };
  if (titleHow) reasons.push(`title:${titleHow}`);
  else if (abstract) reasons.push('abstract-only');
  if (authorsHow && work.authors) reasons.push(`authors:${authorsHow}`);
  if (year !== undefined) reasons.push(ownYear !== undefined ? 'year:in-entry' : 'year:heading');
  for (const k of Object.keys(work.ids ?? {})) reasons.push(`id:${k}`);
  if (work.venue) reasons.push('venue');
  for (const f of FIELD_NAMES) if (work[f] !== undefined) found.add(f);
  return { work, found, reasons };
}

/** The value of an authors label: a list of names as the page writes them, or one name (an organisation, "Baes Jr"). */
function statedAuthors(value: string): { names: string[]; truncated: boolean } | undefined {
  const v = value.replace(/(?<!\b\p{Lu})[.;]$/u, '').trim();
  const list = anyNameList(v) ?? invertedNamesPrefix(v);
  if (list?.names.length) return list;
  return v && v.length <= 60 && words(v) <= 6 ? { names: [v], truncated: false } : undefined;
}

/** An abstract marked as another language than the record's title, when the page says so with lang attributes. */
function langDiffers(el: Element | undefined, pageLang: string | undefined, block: Element): boolean {
  if (!el) return false;
  const own = el.closest('[lang]')?.getAttribute('lang')?.toLowerCase().split('-')[0];
  const around = block.parentElement?.closest('[lang]')?.getAttribute('lang')?.toLowerCase().split('-')[0] ?? pageLang;
  return !!own && !!around && own !== around && !!el.getAttribute('lang');
}
