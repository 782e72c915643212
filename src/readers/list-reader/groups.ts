// Finding the repeated blocks of a page by structure: every element gets a
// signature (tag + stable classes) and a path key (its signature under its
// parent's, three levels up), so that "the same kind of element in the same
// kind of place" falls into one group even when a list is split by year
// headings into several containers. One pass over the elements; groups are
// then scored on a sample of their members by what the field reader finds.

import { SKIP_TAGS } from './lines';

export interface Group {
  key: string;
  members: Element[];
  /** For groups of detached copies: the page's elements they were copied from (to tell whether two groups overlap). */
  sources?: Element[];
}

const MAX_ELEMENTS = 200_000;

export function signature(el: Element): string {
  const cls = (el.getAttribute('class') ?? '')
    .split(/\s+/)
    // Classes with digits are usually per-item (ids, states, grid sizes), not kinds.
    .filter((c) => c && !/\d/.test(c) && c.length < 40)
    .sort()
    .slice(0, 3)
    .join('.');
  return cls ? `${el.tagName.toLowerCase()}.${cls}` : el.tagName.toLowerCase();
}

/** Sibling groups with at least `min` members of the same kind, from one walk over the page. */
export function repeatedGroups(doc: Document, min = 3): Group[] {
  const root = doc.querySelector('body') ?? doc.documentElement;
  if (!root) return [];
  const sigs = new Map<Element, string>();
  const paths = new Map<Element, string>();
  const groups = new Map<string, Element[]>();
  const sigOf = (el: Element) => {
    let s = sigs.get(el);
    if (s === undefined) sigs.set(el, (s = signature(el)));
    return s;
  };
  let seen = 0;
  // Iterative walk: deep pages must not overflow the stack.
  const stack: Element[] = [root];
  while (stack.length && seen < MAX_ELEMENTS) {
    const el = stack.pop()!;
    seen++;
    const parentPath = paths.get(el) ?? sigOf(el);
    const kids = Array.from(el.children);
    const shortParent = parentPath.split('>').slice(-3).join('>');
    // Children are grouped in page order; parents are visited in page order (pre-order walk), so groups are too.
    for (const k of kids) {
      const tag = k.tagName.toUpperCase();
      if (SKIP_TAGS.has(tag) || tag === 'HEAD') continue;
      const path = `${shortParent}>${sigOf(k)}`;
      paths.set(k, path);
      let g = groups.get(path);
      if (!g) groups.set(path, (g = []));
      g.push(k);
    }
    for (let i = kids.length - 1; i >= 0; i--) if (paths.has(kids[i]!)) stack.push(kids[i]!);
  }
  const out: Group[] = [];
  for (const [key, members] of groups) {
    if (members.length < min) continue;
    out.push({ key, members });
  }
  return out;
}

const SEGMENT_BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'DL', 'TABLE', 'HR', 'SECTION', 'ARTICLE', 'BLOCKQUOTE']);

/**
 * Entries written as lines of one block, with no element per entry: runs of
 * text and inline elements separated by `<br>` ("Entry one<br>Entry two<br>…"),
 * or by a blank line (`<br><br>`) when each entry takes several lines. Each
 * block with at least three `<br>` of its own gives one group of detached boxes,
 * one per segment, inside a detached container (so headings between them stay
 * siblings, as in a list); the page is not touched. Linear: one look at each
 * `<br>`'s parent and at that parent's children.
 */
export function lineGroups(doc: Document, min = 3): Group[] {
  const root = doc.querySelector('body') ?? doc.documentElement;
  if (!root) return [];
  const counts = new Map<Element, number>();
  for (const br of Array.from(root.querySelectorAll('br')).slice(0, 50_000)) {
    const p = br.parentElement;
    if (p) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const out: Group[] = [];
  let n = 0;
  for (const [parent, brs] of counts) {
    if (brs < min) continue;
    const nodes = Array.from(parent.childNodes);
    const isBr = (x: Node | undefined) => x?.nodeType === 1 && (x as Element).tagName.toUpperCase() === 'BR';
    const blank = (x: Node) => x.nodeType === 3 && !(x.nodeValue ?? '').trim();
    // A blank line: a <br> whose next non-blank sibling is another <br>.
    const nextNonBlank = (i: number) => {
      let j = i + 1;
      while (j < nodes.length && blank(nodes[j]!)) j++;
      return j;
    };
    let doubles = 0;
    for (let i = 0; i < nodes.length; i++) if (isBr(nodes[i]) && isBr(nodes[nextNonBlank(i)])) doubles++;
    const byBlank = doubles >= 2;
    const container = doc.createElement('div');
    let box = doc.createElement('div');
    const flush = () => {
      if ((box.textContent ?? '').trim()) container.appendChild(box);
      box = doc.createElement('div');
    };
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (isBr(node)) {
        if (!byBlank) flush();
        else if (isBr(nodes[nextNonBlank(i)])) {
          flush();
          i = nextNonBlank(i);
        } else box.appendChild(node.cloneNode(true));
        continue;
      }
      if (node.nodeType === 1 && SEGMENT_BLOCKS.has((node as Element).tagName.toUpperCase())) {
        flush();
        box.appendChild(node.cloneNode(true));
        flush();
        continue;
      }
      box.appendChild(node.cloneNode(true));
    }
    flush();
    const members = Array.from(container.children);
    if (members.length >= min) out.push({ key: `lines:${n++}`, members, sources: [parent] });
  }
  return out;
}

/**
 * Entries written as runs of sibling elements with no wrapper per entry ("<h4>Title</h4><p>Authors</p>
 * <p>Venue</p><h4>Title</h4>…"): under one parent, a unit of 2–4 element kinds that repeats at least
 * three times, starting on a heading or an emphasised line. Each unit becomes one detached box (copies;
 * the page is not touched). One pass over each parent's children per unit length.
 */
export function periodicGroups(doc: Document, minUnits = 3): Group[] {
  const root = doc.querySelector('body') ?? doc.documentElement;
  if (!root) return [];
  const out: Group[] = [];
  let n = 0;
  const starts = (el: Element) => /^H[1-6]$/.test(el.tagName.toUpperCase()) || !!el.firstElementChild?.matches('b, strong, a') && (el.firstChild === el.firstElementChild);
  for (const parent of Array.from(root.querySelectorAll('*')).slice(0, 200_000)) {
    if (parent.childElementCount < 2 * minUnits) continue;
    const kids = Array.from(parent.children).filter((k) => !SKIP_TAGS.has(k.tagName.toUpperCase()));
    if (kids.length < 2 * minUnits) continue;
    const sigs = kids.map((k) => `${signature(k)}${starts(k) ? '^' : ''}`);
    for (let k = 2; k <= 4; k++) {
      // The longest stretch where each element's kind equals the kind k places later.
      let best: [number, number] | undefined;
      let a = 0;
      for (let i = 0; i + k <= sigs.length; i++) {
        if (i + k < sigs.length && sigs[i] === sigs[i + k]) continue;
        const end = i + k; // stretch [a, end)
        if (!best || end - a > best[1] - best[0]) best = [a, end];
        a = i + 1;
      }
      if (!best) continue;
      let [from, to] = best;
      // Align on a unit that starts on a heading or an emphasised line, with distinct kinds inside.
      let off = -1;
      for (let o = 0; o < k && from + o < to; o++) if (sigs[from + o]!.endsWith('^')) { off = o; break; }
      if (off < 0) continue;
      from += off;
      const unit = sigs.slice(from, from + k);
      if (new Set(unit).size < 2 || unit.slice(1).some((s) => s.endsWith('^') && s === unit[0])) continue;
      const units = Math.floor((to - from) / k);
      if (units < minUnits) continue;
      const members: Element[] = [];
      const container = doc.createElement('div');
      const sources = kids.slice(from, from + units * k);
      for (let u = 0; u < units; u++) {
        const box = doc.createElement('div');
        for (let j = 0; j < k; j++) box.appendChild(kids[from + u * k + j]!.cloneNode(true));
        container.appendChild(box);
        members.push(box);
      }
      out.push({ key: `runs:${n++}:${k}`, members, sources });
      break;
    }
  }
  return out;
}
