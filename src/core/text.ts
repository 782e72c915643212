// Text helpers shared by adapters, importers and the merge: what every scraped string goes through.

// Bidi controls, zero-width characters and the BOM: Scholar wraps titles in
// direction marks on right-to-left interfaces, which would break matching.
export const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;

/**
 * Text from outside set inside a sentence of ours, between FSI and PDI: a
 * direction override in it ends at the PDI, so it cannot turn our words
 * around (where markup can isolate it, the extension pages use <bdi>).
 */
export function isolated(s: string): string {
  return `\u2068${s}\u2069`;
}

/** Collapse whitespace, remove invisible marks, trim. Returns undefined for empty results. */
// Text already clean (no invisible mark, no whitespace but single inner
// spaces) is returned as it is after one test instead of two replaces and a
// trim: most cells of a list are, and this runs on every one.
const NEEDS_CLEANING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]|[^\S ]| {2}|^ | $/;

export function cleanText(s: string | null | undefined): string | undefined {
  if (s == null) return undefined;
  if (!NEEDS_CLEANING.test(s)) return s.length ? s : undefined;
  const t = s.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  return t.length ? t : undefined;
}

/** Text content of an element, cleaned. */
export function textOf(el: Element | null | undefined): string | undefined {
  return el ? cleanText(el.textContent) : undefined;
}

/** The paragraphs of a block (an abstract section, say) as one cleaned text; headings and captions are left out. */
export function paragraphsOf(el: Element | null | undefined): string | undefined {
  return el ? cleanText(Array.from(el.querySelectorAll('p')).map((p) => p.textContent ?? '').join(' ')) : undefined;
}

// Arabic-Indic, Eastern Arabic-Indic, Devanagari and full-width digits, as
// some interfaces show them. Compiled once: this runs on every count of a page.
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\uFF10-\uFF19]/g;
const ZEROS = [0x0660, 0x06f0, 0x0966, 0xff10];

export function toAsciiDigits(s: string): string {
  if (!/[^\x00-\x7F]/.test(s)) return s;
  return s.replace(OTHER_DIGITS, (d) => {
    const code = d.charCodeAt(0);
    const zero = ZEROS.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}

/**
 * Parse a count as pages print it: "1,083", "1 083" (thin/no-break spaces),
 * "1.083", Arabic-Indic digits. Returns undefined when there is no number.
 */
export function parseCount(s: string | null | undefined): number | undefined {
  if (s == null) return undefined;
  const t = toAsciiDigits(s.replace(INVISIBLE, '')).replace(/[\s\u00A0\u202F,.'\u066C]/g, '');
  const m = /^\d+$/.exec(t) ?? /\d+/.exec(t);
  if (!m) return undefined;
  const n = Number(m[0]);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** A four-digit year between 1000 and 2999 in the text, or undefined. */
export function parseYear(s: string | null | undefined): number | undefined {
  if (s == null) return undefined;
  const m = /(?:^|\D)([12]\d{3})(?!\d)/.exec(toAsciiDigits(s));
  return m ? Number(m[1]) : undefined;
}

export { canonicalArxiv, canonicalDoi } from './ids';

/** Drop keys whose value is undefined, an empty string or an empty array/object. */
export function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  // Object.keys and plain assignment: this runs several times per listed work,
  // and defineProperty on every key cost more than the rest of it.
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'object' && (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)) continue;
    // Defined, not assigned: a key "__proto__" (from parsed JSON) stays a key instead of setting the prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out as T;
}

// A root-relative link of plain URL characters without dot segments resolves
// to origin + link: no URL parse per row of a long list.
const PLAIN_ROOT_RELATIVE = /^\/(?!\/)[A-Za-z0-9\-_~:/?#@!$&'()*+,;=%]*$/;

const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;
const HTTP = /^https?:$/;

// The base's origin, read once per page URL: in Chromium `url.origin` costs
// about 1.5 µs a read (`protocol` 0.4 µs, `href` under 0.1 µs), more than the
// rest of this fast path, and a list asks for it once per row. The cache is
// checked against the base's href, so a URL changed in place is read again.
let lastBase: URL | undefined;
let lastBaseHref = '';
let lastOrigin: string | undefined;

function httpOrigin(base: URL): string | undefined {
  const href = base.href;
  if (base !== lastBase || href !== lastBaseHref) {
    lastBase = base;
    lastBaseHref = href;
    lastOrigin = HTTP.test(base.protocol) ? base.origin : undefined;
  }
  return lastOrigin;
}

/** Resolve an href against the page URL; undefined if it cannot be. */
export function absoluteUrl(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  if (PLAIN_ROOT_RELATIVE.test(href) && !DOT_SEGMENT.test(href)) {
    const origin = httpOrigin(base);
    if (origin !== undefined) return origin + href;
  }
  try {
    const u = new URL(href, base);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}
