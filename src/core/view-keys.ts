// Exact keys that tie a capture to the kept views it may change: a work's
// identifiers and normalized title keys, a person's ids and name key. The
// keeper stores them per view, apart from the view (store `viewKeys`, an
// IndexedDB multiEntry index on them) with the rows of each work, so that a
// new capture finds what it concerns through the index, without reading the
// library or even the views. Only exact keys: a capture that merges with a view by a fuzzy
// rule alone is missed here and caught by the full rebuild that follows.

import type { Person, Work, WorkIdKey } from './capture';
import { nameKey } from './names';
import { normalizeWorkIds, titleInfo } from './merge/normalize';
import type { MergedPerson, MergedWork } from './merge/types';
import type { KeptView } from './kept-views';

const idKey = (kind: string, id: string) => `id:${kind}:${id}`;
// A title's key is asked for again and again for the same strings (a page's rows, then the merged works holding
// them and their keys records): kept for the last few thousand titles, not normalized each time.
const TITLE_KEYS_KEPT = 4096;
let titleKeys = new Map<string, string | undefined>();
const titleKeyOf = (title: string | undefined) => {
  if (title === undefined) return undefined;
  if (titleKeys.has(title)) return titleKeys.get(title);
  const t = titleInfo(title);
  const key = t ? `t:${t.key}` : undefined;
  if (titleKeys.size >= TITLE_KEYS_KEPT) titleKeys = new Map();
  titleKeys.set(title, key);
  return key;
};

/** The keys of one work as a page lists it. */
export function workKeys(work: Work): string[] {
  const out: string[] = [];
  for (const [kind, id] of Object.entries(normalizeWorkIds(work.ids)) as [WorkIdKey, string][]) out.push(idKey(kind, id));
  const t = titleKeyOf(work.title);
  if (t) out.push(t);
  return out;
}

/** The keys of a merged work: every identifier and every title any of its records gave. */
export function mergedWorkKeys(w: MergedWork): string[] {
  const out = new Set<string>();
  for (const f of w.fields.ids) out.add(idKey(f.value.kind, f.value.id));
  for (const f of w.fields.title) {
    const t = titleKeyOf(f.value);
    if (t) out.add(t);
  }
  return [...out];
}

/** The keys of a person as an author page names them: each id, and the name key (family name and first initial). */
export function personKeys(p: Pick<Person, 'name' | 'ids'>): string[] {
  const out: string[] = [];
  for (const [kind, id] of Object.entries(p.ids ?? {})) if (id) out.push(`p:${kind}:${id}`);
  const n = nameKey(p.name);
  if (n) out.push(`n:${n}`);
  return out;
}

/** The keys of a merged person: every id of every page, every name variant's key. */
export function mergedPersonKeys(p: MergedPerson): string[] {
  const out = new Set<string>();
  for (const [kind, ids] of Object.entries(p.ids)) for (const id of ids ?? []) out.add(`p:${kind}:${id}`);
  for (const name of [p.name, ...p.nameVariants, ...p.pages.map((pg) => pg.name)]) {
    const n = nameKey(name);
    if (n) out.add(`n:${n}`);
  }
  return [...out];
}

export const isPersonKey = (k: string) => k.startsWith('p:') || k.startsWith('n:');

/** What the fast path needs of one kept view, small enough to read many at once. */
export interface ViewKeys {
  /** The view's id. */
  id: string;
  /** The view's page keys (as `KeptView.keys`): a provisional write learns which pages a stored view shows without reading it. */
  keys: string[];
  /** Every key below, once: what the byMatch index holds. */
  match: string[];
  /** The view's person's keys and author pages (capture keys); empty for a paper's view. */
  person: string[];
  pages: string[];
  /** Each work of the view: its keys and its rows ("<capture key>#<index>"). */
  works: { keys: string[]; rows: string[] }[];
}

/** From a view as built (its works whole: their keys come from every record's ids and titles, which only the provenance lists). */
export function viewKeysOf(v: KeptView<MergedWork>): ViewKeys {
  const person = v.personId !== undefined ? v.slice.people[0] : undefined;
  const personKeys = person ? mergedPersonKeys(person) : [];
  const works = v.slice.works.map((w) => ({ keys: mergedWorkKeys(w), rows: w.members.map((m) => `${m.captureKey}#${m.index}`) }));
  return { id: v.id, keys: v.keys, match: [...new Set([...personKeys, ...works.flatMap((w) => w.keys)])], person: personKeys, pages: person?.pages.map((p) => p.captureKey) ?? [], works };
}

export function isViewKeys(v: unknown): v is ViewKeys {
  if (!v || typeof v !== 'object') return false;
  const o = v as Partial<ViewKeys>;
  const strings = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string');
  return typeof o.id === 'string' && strings(o.keys) && strings(o.match) && strings(o.person) && strings(o.pages) && Array.isArray(o.works) && o.works.every((w) => !!w && strings(w.keys) && strings(w.rows));
}
