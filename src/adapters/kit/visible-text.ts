// The text of an element as the page shows it. `textContent` already keeps
// <sub>/<sup>, MathML and inline-SVG <text>, but it loses what is drawn
// without text nodes: a formula as an image (its `alt`), an SVG or a
// role="img" element of paths (its aria-label or <title>), and MathJax output,
// whose glyphs are CSS content (CHTML: <mjx-c class="mjx-c54">) or SVG <use>
// references (data-c="54") holding only the code point. A title such as
// "Evolution of topological phases of TaSe3 under hydrostatic pressure" then
// loses its formula. This reads all of those, in document order, with inline
// elements joined to their neighbours (TaSe + 3 → TaSe3).

import { cleanText } from '../../core/text';

// An SVG's <title>/<desc> are read only when it draws no text (below).
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'title', 'desc']);

/** Code points of MathJax glyphs: "mjx-c54" / "mjx-c1D447" class names, data-c="54". */
function glyph(el: Element): string {
  const hex = /(?:^|\s)mjx-c([0-9A-F]{1,6})(?:\s|$)/i.exec(el.getAttribute('class') ?? '')?.[1] ?? el.getAttribute('data-c');
  if (!hex || !/^[0-9A-F]{1,6}$/i.test(hex)) return '';
  const n = parseInt(hex, 16);
  return n > 0 && n < 0x110000 && !(n >= 0xd800 && n < 0xe000) ? String.fromCodePoint(n) : '';
}

const hasText = (el: Element) => /\S/.test(el.textContent ?? '');

// A selector that is only class names (".gs_oph" or ".a, .b"), the form every
// caller passes: tested on the class attribute, because `matches` compiles its
// selector on every call in linkedom (the Node DOM), and that compile, once per
// element of every row, was most of a Scholar profile's extraction there.
const CLASS_LIST = /^\s*\.[\w-]+(?:\s*,\s*\.[\w-]+)*\s*$/;

type Exclude = (el: Element) => boolean;

function excluder(selector: string | undefined): Exclude | undefined {
  if (!selector) return undefined;
  if (!CLASS_LIST.test(selector)) return (e) => e.matches(selector);
  const names = selector.split(',').map((s) => s.trim().slice(1));
  // The attribute's tokens, not classList: a DOMTokenList per element costs more in Chromium.
  return (e) => {
    const cls = e.getAttribute('class');
    if (!cls) return false;
    const tokens = cls.split(/[\t\n\f\r ]+/);
    return names.some((n) => tokens.includes(n));
  };
}

/**
 * Visible text of `el`, cleaned (whitespace collapsed, invisible marks removed);
 * descendants matching `exclude` (a selector) are left out.
 */
export function visibleText(el: Element | null | undefined, exclude?: string): string | undefined {
  if (!el) return undefined;
  const parts: string[] = [];
  walk(el, parts, excluder(exclude));
  return cleanText(parts.join(''));
}

// A module-level function, not a closure made per call: this runs for every row of a list.
function walk(node: Node, parts: string[], exclude: Exclude | undefined): void {
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      parts.push(c.nodeValue ?? '');
      continue;
    }
    if (c.nodeType !== 1) continue;
    const e = c as Element;
    if (exclude && exclude(e)) continue;
    const tag = e.localName.toLowerCase();
    if (SKIP.has(tag)) continue;
    if (tag === 'img') {
      parts.push(e.getAttribute('alt') ?? '');
      continue;
    }
    if (tag === 'mjx-container') {
      // MathJax keeps a MathML copy for screen readers when asked to; it is the text.
      const assistive = e.querySelector('mjx-assistive-mml');
      if (assistive && hasText(assistive)) walk(assistive, parts, exclude);
      else walk(e.querySelector('mjx-math, svg') ?? e, parts, exclude);
      continue;
    }
    if (tag === 'mjx-assistive-mml') continue; // reached only outside a container: already read or not shown
    if (tag === 'mjx-c' || (tag === 'use' && e.hasAttribute('data-c'))) {
      parts.push(glyph(e));
      continue;
    }
    if ((tag === 'svg' || e.getAttribute('role') === 'img' || tag === 'math') && !hasText(e) && !e.querySelector('img, mjx-c, use[data-c]')) {
      // Drawn without text: what it says it shows.
      parts.push(e.getAttribute('aria-label') ?? e.getAttribute('alttext') ?? '');
      continue;
    }
    if (tag === 'svg' && !e.querySelector('text') && e.querySelector('title')) {
      parts.push(e.querySelector('title')?.textContent ?? '');
      continue;
    }
    walk(e, parts, exclude);
  }
}
