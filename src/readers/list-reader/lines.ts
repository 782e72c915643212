// Text of a block as the eye sees it: separate lines where block elements or
// <br> break the flow. textContent glues "Title</a><br>Author" into
// "TitleAuthor", which would ruin every later heuristic.

import { cleanText } from '../../core/text';

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BR', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);
export const SKIP_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'OBJECT']);

/** Visible-ish lines of an element's text, cleaned, empty ones dropped. */
export function linesOf(el: Element, maxChars = 20_000, skip?: ReadonlySet<Element>): string[] {
  const out: string[] = [];
  let cur = '';
  let total = 0;
  const flush = () => {
    const t = cleanText(cur);
    if (t) out.push(t);
    cur = '';
  };
  const walk = (node: Node) => {
    if (total > maxChars) return;
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      cur += v;
      total += v.length;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag) || (node as Element).getAttribute('hidden') !== null || skip?.has(node as Element)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(el);
  flush();
  return out;
}

/** Text of an element with the same skipping rules, on one line. */
export function flatText(el: Element): string | undefined {
  return cleanText(linesOf(el).join(' '));
}

/**
 * Leading echoes: short leaf elements before an entry's running text whose
 * text comes again later in the entry ("FALEIRO, R." "2026" then
 * "FALEIRO, R. ; PACE, M. … 2026."). They are sort keys or labels a style
 * sheet hides; glued to the citation they ruin its first sentence.
 */
export function leadingEchoes(block: Element): Set<Element> {
  const leaves: { el: Element; text: string; at: number }[] = [];
  let all = '';
  let running = false;
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      const v = node.nodeValue ?? '';
      // Running text sits beside elements (mixed content); a leaf's own text is a candidate echo.
      if (!running && v.trim().length >= 20 && node.parentElement?.firstElementChild) running = true;
      all += v;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    if (SKIP_TAGS.has(el.tagName.toUpperCase())) return;
    if (!running && el.firstElementChild === null) {
      const t = cleanText(el.textContent);
      if (t && t.length <= 60) leaves.push({ el, text: t, at: all.length + (el.textContent?.length ?? 0) });
    }
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
  };
  walk(block);
  const out = new Set<Element>();
  if (!running) return out;
  const flat = all.replace(/\s+/g, ' ');
  for (const l of leaves) {
    const later = all.slice(l.at).replace(/\s+/g, ' ');
    if (later.includes(l.text) && flat.length > l.text.length * 3) out.add(l.el);
  }
  return out;
}
