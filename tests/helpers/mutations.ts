// Seeded mutations of real saved pages and data responses, shared by the fuzz
// tests (the adapters directly, and `cli extract` on the same damage) so both
// run the same kinds of damage from one definition.
import { loadHtml, parseHtml } from '../../src/node/dom';
import type { Rng } from './prng';

type Undo = () => void;
export const GARBAGE = ['', ' ', '0', '-1', '1e309', '99999999999999999999', 'NaN', '\u200F\u202E', '٣٤٥', 'null', '<b>x</b>', '&amp;', '\uFFFD\uFFFD', 'Cited by', '2019', 'arXiv:', '10.', 'x'.repeat(5000)];

export function elementsOf(doc: Document): Element[] {
  return [...doc.querySelectorAll('*')];
}

/** One random change to the document, and how to take it back (cloning big pages per case is too slow). */
export function mutateDom(doc: Document, els: Element[], r: Rng): { what: string; undo: Undo } {
  const el = r.pick(els);
  if (el.tagName === 'HTML') return { what: 'none', undo: () => {} };
  switch (r.int(6)) {
    case 0: {
      const parent = el.parentNode;
      const next = el.nextSibling;
      if (!parent) return { what: 'none', undo: () => {} };
      el.remove();
      return { what: `drop <${el.tagName}>`, undo: () => void parent.insertBefore(el, next) };
    }
    case 1: {
      const copy = el.cloneNode(true) as Element;
      if (!el.parentNode) return { what: 'none', undo: () => {} };
      el.after(copy);
      return { what: `duplicate <${el.tagName}>`, undo: () => copy.remove() };
    }
    case 2: {
      const saved = [...el.attributes].map((a) => [a.name, a.value] as const);
      const shuffled = [...saved].sort(() => r.next() - 0.5);
      const values = shuffled.map(([, v]) => v).sort(() => r.next() - 0.5);
      for (const [n] of saved) el.removeAttribute(n);
      // Attributes in a new order, each with some other attribute's value.
      shuffled.forEach(([n], i) => el.setAttribute(n, values[i]!));
      return {
        what: `shuffle attributes of <${el.tagName}>`,
        undo: () => restoreAttributes(el, saved),
      };
    }
    case 3: {
      // Move an attribute (class, id, href…) to another element: a layout the adapter half-recognizes.
      const attrs = [...el.attributes];
      const other = r.pick(els);
      if (!attrs.length || other === el) return { what: 'none', undo: () => {} };
      const a = r.pick(attrs);
      const before = other.getAttribute(a.name);
      other.setAttribute(a.name, a.value);
      return { what: `copy ${a.name} to <${other.tagName}>`, undo: () => (before === null ? other.removeAttribute(a.name) : other.setAttribute(a.name, before)) };
    }
    case 4: {
      const texts = [...el.childNodes].filter((n) => n.nodeType === 3) as Text[];
      if (!texts.length) return { what: 'none', undo: () => {} };
      const t = r.pick(texts);
      const old = t.data;
      t.data = r.pick(GARBAGE);
      return { what: `text of <${el.tagName}>`, undo: () => void (t.data = old) };
    }
    default: {
      // Empty the element: a list without rows, a table without cells.
      const kids = [...el.childNodes];
      for (const k of kids) k.remove();
      return { what: `empty <${el.tagName}>`, undo: () => el.append(...kids) };
    }
  }
}

/** Put attributes back in their saved order (linkedom may insert new attributes first; try both ways). */
function restoreAttributes(el: Element, saved: (readonly [string, string])[]): void {
  const set = (list: (readonly [string, string])[]) => {
    for (const a of [...el.attributes]) el.removeAttribute(a.name);
    for (const [n, v] of list) el.setAttribute(n, v);
  };
  set(saved);
  if ([...el.attributes].some((a, i) => a.name !== saved[i]?.[0])) set([...saved].reverse());
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/**
 * Text-level changes: the damaged page as bytes (decoded by their charset, as a
 * saved file is) or as text already decoded; `parseMutated` reads either.
 */
export function mutateBytes(bytes: Uint8Array, r: Rng, i: number): { what: string; input: Uint8Array | string } {
  switch (i % 6) {
    case 0:
    case 1: {
      const at = r.int(bytes.length);
      return { what: `truncate at byte ${at}`, input: bytes.subarray(0, at) };
    }
    case 2:
      // UTF-8 bytes read as Latin-1: every non-ASCII letter becomes two or three mojibake characters.
      return { what: 'utf-8 read as latin-1', input: latin1.decode(bytes) };
    case 3: {
      // The reverse: the text written out as Latin-1 bytes (non-Latin characters lost), read as UTF-8.
      const text = utf8.decode(bytes);
      const out = new Uint8Array(text.length);
      for (let k = 0; k < text.length; k++) out[k] = text.charCodeAt(k) & 0xff;
      return { what: 'latin-1 bytes read as utf-8', input: utf8.decode(out) };
    }
    case 4: {
      // A wrong byte-order mark: the whole page decodes as UTF-16.
      const withBom = new Uint8Array(bytes.length + 2);
      withBom.set([0xff, 0xfe]);
      withBom.set(bytes, 2);
      return { what: 'utf-16 byte-order mark', input: withBom };
    }
    default: {
      // Markup characters sprinkled at random: unclosed tags and attributes.
      const text = utf8.decode(bytes).split('');
      for (let k = 0; k < 20; k++) text.splice(r.int(text.length), 0, r.pick(['<', '>', '"', "'", '</div>', '<td>', '&', '<!--']));
      return { what: 'markup characters inserted', input: text.join('') };
    }
  }
}

/** The document a mutated input makes: bytes by their declared charset, text as it is. */
export function parseMutated(input: Uint8Array | string): Document {
  return typeof input === 'string' ? parseHtml(input) : loadHtml(input);
}

/** JSON: delete keys, change types, truncate arrays; else text-level damage. */
export function mutateJson(text: string, r: Rng, i: number): { what: string; text: string } {
  if (i % 3 === 2) return mutateText(text, r, i);
  const root = JSON.parse(text) as unknown;
  const nodes: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object') {
      nodes.push(v as Record<string, unknown>);
      for (const c of Object.values(v)) walk(c);
    }
  };
  walk(root);
  const changes: string[] = [];
  for (let k = 0, n = 1 + r.int(8); k < n; k++) {
    const o = r.pick(nodes);
    const keys = Object.keys(o);
    if (!keys.length) continue;
    const key = r.pick(keys);
    const repl = r.pick<unknown>([undefined, null, 0, -3, 1.5, '', 'x', true, [], {}, [null], { value: null }, '10.1234/ABC', 'v2']);
    changes.push(`${key}→${JSON.stringify(repl) ?? 'deleted'}`);
    if (repl === undefined && !Array.isArray(o)) delete o[key];
    else o[key] = repl;
  }
  return { what: `json ${changes.join(', ')}`, text: JSON.stringify(root) };
}

export function mutateText(text: string, r: Rng, i: number): { what: string; text: string } {
  switch (i % 3) {
    case 0: {
      const at = r.int(text.length);
      return { what: `truncate at ${at}`, text: text.slice(0, at) };
    }
    case 1:
      return { what: 'utf-8 read as latin-1', text: latin1.decode(new TextEncoder().encode(text)) };
    default: {
      const chars = text.split('');
      for (let k = 0; k < 10; k++) chars.splice(r.int(chars.length), 1 + r.int(3), r.pick(['<', '>', '"', '{', '}', ',', ']', '\\', '']));
      return { what: 'characters replaced', text: chars.join('') };
    }
  }
}
