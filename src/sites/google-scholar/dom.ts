// Small DOM helpers shared by the Google Scholar readers (profile, citation
// page, result lists). Kept apart so each reader stays short.

import { cleanText, parseCount } from '../../core/text';
import { visibleText } from '../../adapters/kit/visible-text';

/**
 * Visible text of an element with the matching descendants left out (e.g.
 * "[PDF]" tags, the ", 2018" suffix); formulas drawn as images, SVG or MathJax
 * are read too (src/adapters/kit/visible-text.ts).
 */
export function textWithout(el: Element | null | undefined, exclude: string): string | undefined {
  return visibleText(el, exclude);
}

const PARAM_PATTERNS = new Map<string, RegExp>();

/** A query parameter of an href (relative or absolute), decoded; undefined if absent or empty. */
export function hrefParam(href: string | null | undefined, name: string): string | undefined {
  if (!href) return undefined;
  // Read like URLSearchParams does ("+" is a space), without parsing a URL per row.
  let re = PARAM_PATTERNS.get(name);
  if (!re) PARAM_PATTERNS.set(name, (re = new RegExp(`[?&]${name}=([^&#]*)`)));
  const m = re.exec(href);
  if (!m || !m[1]) return undefined;
  // Most values (a profile's user and citation ids) have nothing to decode.
  if (!m[1].includes('%') && !m[1].includes('+')) return m[1];
  try {
    return decodeURIComponent(m[1].replace(/\+/g, ' ')) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Split an author line as Scholar prints it. A trailing "..." / "…" (its own
 * item or glued to the last name) means Scholar cut the list.
 */
export function splitAuthors(line: string | undefined): { authors?: string[]; authorsTruncated?: boolean } {
  if (!line) return {};
  let truncated = false;
  // A line already cleaned (textOf) has single spaces only: trimming each name cleans it.
  const clean = cleanText(line) === line;
  const parts = line
    .split(',')
    .map((s) => (clean ? s.trim() || undefined : cleanText(s)))
    .filter((s): s is string => s !== undefined);
  const last = parts[parts.length - 1];
  if (last !== undefined && /(?:\.\.\.|…)$/.test(last)) {
    truncated = true;
    const rest = cleanText(last.replace(/(?:\.\.\.|…)$/, ''));
    if (rest) parts[parts.length - 1] = rest;
    else parts.pop();
  }
  return parts.length ? { authors: parts, ...(truncated ? { authorsTruncated: true } : {}) } : {};
}

/** A count shown as a link or cell; empty cells (no citations) give undefined. */
export function countOf(el: Element | null | undefined): number | undefined {
  const t = el ? cleanText(el.textContent) : undefined;
  return t ? parseCount(t) : undefined;
}

const OFFSET_PATTERNS = new Map<string, RegExp>();

/** Pixel offset from an inline style, e.g. `right` in "right:200px;top:155px". */
export function styleOffset(el: Element, prop: string): number | undefined {
  const style = el.getAttribute('style') ?? '';
  // One pattern per property, compiled once: the chart asks this for every bar against every label.
  let re = OFFSET_PATTERNS.get(prop);
  if (!re) OFFSET_PATTERNS.set(prop, (re = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*(-?\\d+(?:\\.\\d+)?)px`, 'i')));
  const m = re.exec(style);
  return m ? Number(m[1]) : undefined;
}
