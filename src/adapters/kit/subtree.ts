// Reading several fields of one small list row in a single walk of its
// subtree, instead of a querySelector per field. In linkedom (the Node DOM of
// the command line and the tests) every querySelector compiles its selector
// afresh and walks the subtree again, so per-row selectors were most of the
// cost of reading a list there. In Chromium the walk is script against native
// queries: about even on rows of a few elements (a chart's bars, an ACL
// entry), twice as slow on ResearchGate's 11 kB items, which keep their
// queries. Measure in both before using it on a larger row.
//
// A slot is the selector `S T` (or `T` alone) written as two tests: `test`
// is T, `within` is S, an ancestor the element must have inside the row (the
// row itself counts; ancestors above the row are not looked at, which is the
// one difference from `row.querySelector('S T')`).

export type ElementTest = (el: Element) => boolean;

export interface Slot {
  test: ElementTest;
  within?: ElementTest;
}

/** Every element of `root`'s subtree (root excluded) matching each slot, in document order. */
export function collect<K extends string>(root: Element, slots: Record<K, Slot>): Record<K, Element[]> {
  const keys = Object.keys(slots) as K[];
  const out = {} as Record<K, Element[]>;
  for (const k of keys) out[k] = [];
  const inside = keys.map((k) => !!slots[k].within?.(root));
  walk(root, keys, slots, inside, out);
  return out;
}

function walk<K extends string>(node: Element, keys: K[], slots: Record<K, Slot>, inside: boolean[], out: Record<K, Element[]>): void {
  for (let c = node.firstElementChild; c; c = c.nextElementSibling) {
    let childInside = inside;
    for (let i = 0; i < keys.length; i++) {
      const slot = slots[keys[i]!];
      if ((!slot.within || inside[i]) && slot.test(c)) out[keys[i]!].push(c);
      if (slot.within && !inside[i] && slot.within(c)) {
        if (childInside === inside) childInside = inside.slice();
        childInside[i] = true;
      }
    }
    // <template> content is not part of the tree that selectors see.
    if (c.localName !== 'template') walk(c, keys, slots, childInside, out);
  }
}

/** `.name` */
export const withClass =
  (name: string): ElementTest =>
  (el) =>
    hasClass(el, name);

const ASCII_WHITESPACE = /[\t\n\f\r ]+/;

/**
 * `el.classList.contains(name)` read from the class attribute: a DOMTokenList
 * per element costs Chromium about twice the attribute read, and most
 * elements of a walk fail the first substring test.
 */
export function hasClass(el: Element, name: string): boolean {
  const cls = el.getAttribute('class');
  if (!cls || !cls.includes(name)) return false;
  return cls === name || cls.split(ASCII_WHITESPACE).includes(name);
}

/** `tag` (an HTML element name, lower case) */
export const tagged =
  (tag: string): ElementTest =>
  (el) =>
    el.localName === tag;

/** `[name="value"]` */
export const withAttr =
  (name: string, value: string): ElementTest =>
  (el) =>
    el.getAttribute(name) === value;

// Document-wide look-ups by tag or class, for the same reason: querySelectorAll
// of a tag or class without a selector to compile. getElementsBy* in linkedom
// also walk <template> contents, which selectors (and browsers) do not see.
const inTemplate = (el: Element) => {
  for (let p = el.parentElement; p; p = p.parentElement) if (p.localName === 'template') return true;
  return false;
};

/** `root.querySelectorAll(tag)` for an HTML element name in lower case, of those passing `test`. */
export function elementsByTag(root: Document | Element, tag: string, test?: ElementTest): Element[] {
  return shown(root.getElementsByTagName(tag), test);
}

/** `root.querySelectorAll('.' + name)`, of those passing `test`. */
export function elementsByClass(root: Document | Element, name: string, test?: ElementTest): Element[] {
  return shown(root.getElementsByClassName(name), test);
}

function shown(list: HTMLCollectionOf<Element>, test: ElementTest | undefined): Element[] {
  const out: Element[] = [];
  // The caller's test first: it is cheaper than looking for a <template> above every element.
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    if ((!test || test(el)) && !inTemplate(el)) out.push(el);
  }
  return out;
}
