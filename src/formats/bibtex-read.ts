// Reading a BibTeX file entry by entry, so that a bibliography import never
// fails whole. The scanner (bibtex-scan.ts) cuts the file into entries;
// citation-js decodes each one (LaTeX accents, name syntax, macros) with the
// @string macros it uses. An entry citation-js rejects is repaired and tried
// again; one that still fails is named in the problems, and the rest of the
// file is imported.
//
// Duplicate keys: the first entry with a key is kept and the later one is
// reported and left out, as BibTeX itself does ("Repeated entry"). Keeping
// both would put a second copy of what is most often the same paper into the
// merge; the report names it so the user can fix the key.

import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import { canonicalArxiv, cleanText } from '../core/text';
import { escapeCurrency, plainValue, rebuildEntry, scanBibtex, splitFields, type RawEntry, type RawField } from './bibtex-scan';

export interface ImportProblem {
  /** Citation key of the entry, when it has one. */
  key?: string;
  /** 1-based line of the entry's `@` in the file; 0 for a problem of the file as a whole. */
  line: number;
  message: string;
  /** The entry is not in the import (otherwise it was imported with what the message says). */
  skipped: boolean;
}

export interface BibtexRead {
  items: Record<string, unknown>[];
  /** Where each item's entry is in the file (same order as items). */
  at: { key?: string; line: number }[];
  problems: ImportProblem[];
  /** Entries (not @string/@preamble/@comment) the file holds. */
  entries: number;
}

export interface BibtexOptions {
  /**
   * The owner's Google Scholar profile id (`user=` of the profile URL). al-folio's
   * `google_scholar_id` is the row part of a Scholar row id ("USER:ROW"); with the
   * profile id it becomes the same id a Scholar profile row carries.
   */
  scholarUser?: string;
}

const IGNORED = new Set(['comment', 'preamble']);

export function readBibtexEntries(text: string, opts: BibtexOptions = {}): BibtexRead {
  const raw = scanBibtex(text);
  const problems: ImportProblem[] = [];
  const macros: { name: string; text: string }[] = [];
  const items: Record<string, unknown>[] = [];
  const at: { key?: string; line: number }[] = [];
  const firstLine = new Map<string, number>();
  let entries = 0;
  let scholarWithoutUser = 0;
  for (const e of raw) {
    if (IGNORED.has(e.type)) continue;
    if (e.type === 'string') {
      const m = readMacro(e);
      if (m) macros.push(m);
      else problems.push({ line: e.line, message: '@string not readable, left out', skipped: true });
      continue;
    }
    entries++;
    const where = { ...(e.key ? { key: e.key } : {}), line: e.line };
    if (!e.key) {
      problems.push({ ...where, message: 'entry without a citation key, left out', skipped: true });
      continue;
    }
    if (!splitFields(e.body, !!e.damage).length) {
      problems.push({ ...where, message: 'entry without fields, left out', skipped: true });
      continue;
    }
    const seenAt = firstLine.get(e.key.toLowerCase());
    if (seenAt !== undefined) {
      problems.push({ ...where, message: `duplicate key: the entry at line ${seenAt} with this key was kept`, skipped: true });
      continue;
    }
    firstLine.set(e.key.toLowerCase(), e.line);
    const read = readEntry(e, macros);
    if (!read.item) {
      problems.push({ ...where, message: `not readable as BibTeX (${read.error})`, skipped: true });
      continue;
    }
    if (read.repaired) problems.push({ ...where, message: read.repaired, skipped: false });
    const extra = extras(read.fields, opts);
    if (extra.scholarWithoutUser) scholarWithoutUser++;
    items.push(withExtras(read.item, extra));
    at.push(where);
  }
  if (scholarWithoutUser)
    problems.push({
      line: 0,
      message: `google_scholar_id of ${scholarWithoutUser} entr${scholarWithoutUser === 1 ? 'y' : 'ies'} not kept: it is the row part of a Scholar id, and the Scholar profile id it belongs to was not given`,
      skipped: false,
    });
  return { items, at, problems, entries };
}

function parse(text: string): Record<string, unknown>[] {
  return plugins.input.chain(text, { generateGraph: false, forceType: '@biblatex/text' });
}

const firstLineOf = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0]!.trim();

function readMacro(e: RawEntry): { name: string; text: string } | undefined {
  const name = /^\s*([A-Za-z][\w.:-]*)\s*=/.exec(e.body)?.[1];
  if (!name) return undefined;
  try {
    parse(e.text);
    return { name: name.toLowerCase(), text: e.text };
  } catch {
    return undefined;
  }
}

/** The @string definitions the entry uses, and those they use in turn, in file order. */
function macrosFor(entry: string, macros: { name: string; text: string }[]): string {
  const used = new Set<string>();
  const words = (t: string) => new Set((t.toLowerCase().match(/[a-z][\w.:-]*/g) ?? []));
  let pending = words(entry);
  for (let round = 0; round < 5 && pending.size; round++) {
    const next = new Set<string>();
    for (const m of macros)
      if (pending.has(m.name) && !used.has(m.name)) {
        used.add(m.name);
        for (const w of words(m.text.slice(m.text.indexOf('=') + 1))) next.add(w);
      }
    pending = next;
  }
  return macros
    .filter((m) => used.has(m.name))
    .map((m) => `${m.text}\n`)
    .join('');
}

interface EntryRead {
  item?: Record<string, unknown>;
  fields: RawField[];
  /** What was repaired to read it. */
  repaired?: string;
  error?: string;
}

function readEntry(e: RawEntry, macros: { name: string; text: string }[]): EntryRead {
  const prefix = macrosFor(e.text, macros);
  const attempt = (text: string): Record<string, unknown> | undefined => {
    const items = parse(prefix + text);
    return items.length === 1 ? items[0] : undefined;
  };
  let error = '';
  // 1. As written (a `$` before a figure is a currency sign, not math).
  if (!e.damage) {
    try {
      const item = attempt(escapeCurrency(e.text));
      if (item) return { item, fields: splitFields(e.body) };
      error = 'no entry read';
    } catch (err) {
      error = firstLineOf(err);
    }
  }
  // 2. Rebuilt from its fields, each value repaired.
  const fields = splitFields(e.body, !!e.damage);
  const why = e.damage === 'unclosed' ? 'braces not closed' : e.damage === 'closed-early' ? 'a stray "}"' : error;
  try {
    const item = attempt(escapeCurrency(rebuildEntry(e.type, e.key!, fields)));
    if (item) return { item, fields, repaired: `repaired (${why})` };
  } catch (err) {
    error ||= firstLineOf(err);
  }
  // 3. Without the fields that cannot be read even alone.
  const bad: string[] = [];
  const good = fields.filter((f) => {
    try {
      parse(prefix + escapeCurrency(rebuildEntry('misc', 'x', [f])));
      return true;
    } catch {
      bad.push(f.name);
      return false;
    }
  });
  if (bad.length && good.some((f) => f.name === 'title')) {
    try {
      const item = attempt(escapeCurrency(rebuildEntry(e.type, e.key!, good)));
      if (item) return { item, fields: good, repaired: `imported without ${bad.join(', ')} (${why})` };
    } catch {
      // reported below
    }
  }
  return { fields, error: error || why };
}

interface Extras {
  gscholar?: string;
  arxiv?: string;
  url?: string;
  scholarWithoutUser?: boolean;
}

/**
 * Fields personal-site generators (al-folio) add that carry meaning and that
 * citation-js does not read: `google_scholar_id` (the Scholar row), `arxiv`
 * and `eprint` + `archivePrefix` (arXiv id), `html` / `pdf` (links).
 */
function extras(fields: RawField[], opts: BibtexOptions): Extras {
  const get = (name: string) => {
    const f = fields.find((x) => x.name === name);
    return f ? cleanText(plainValue(f.value)) : undefined;
  };
  const out: Extras = {};
  const row = get('google_scholar_id');
  if (row && /^[\w-]+:[\w-]+$/.test(row)) out.gscholar = row;
  else if (row && /^[\w-]+$/.test(row)) {
    if (opts.scholarUser && /^[\w-]+$/.test(opts.scholarUser)) out.gscholar = `${opts.scholarUser}:${row}`;
    else out.scholarWithoutUser = true;
  }
  const prefix = get('archiveprefix') ?? get('eprinttype');
  out.arxiv = (prefix && /arxiv/i.test(prefix) ? canonicalArxiv(get('eprint')) : undefined) ?? canonicalArxiv(get('arxiv'));
  const link = [get('html'), get('pdf')].find((v) => v && /^https?:\/\/\S+$/i.test(v));
  if (link) out.url = link;
  return out;
}

function withExtras(item: Record<string, unknown>, x: Extras): Record<string, unknown> {
  const out = { ...item };
  if (x.arxiv) Object.assign(out, { number: `arXiv:${x.arxiv}`, archive: 'arXiv' });
  if (x.url && typeof out.URL !== 'string') out.URL = x.url;
  if (x.gscholar) {
    const custom = isObj(out.custom) ? out.custom : {};
    const lens = isObj(custom.scholarLens) ? custom.scholarLens : {};
    const ids = isObj(lens.ids) ? lens.ids : {};
    out.custom = { ...custom, scholarLens: { ...lens, ids: { ...ids, gscholar: x.gscholar } } };
  }
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
