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
}

const MAX_ELEMENTS = 200_000;

function signature(el: Element): string {
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
