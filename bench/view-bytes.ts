// What the kept views (src/core/kept-views.ts) of the generated library hold,
// in bytes of JSON, by part: the works' provenance (`fields`), their records
// (`members`, `versions`), the rest of the works, the people, the notes. And
// how often a work is repeated across views. As built (every work whole) and
// as stored (storedView: works without provenance). JSON counts a record
// shared by `members` and `versions[].members` twice; IndexedDB's structured
// clone writes it once, so the stores hold somewhat less.
// `npx tsx bench/view-bytes.ts`.

import { keptViews, storedView, type KeptView } from '../src/core/kept-views';
import { mergeRecords } from '../src/ui/model/merged-library';
import { generateLibrary, type Library } from './library';
import type { Figure } from './stats';

const bytes = (v: unknown) => (v === undefined ? 0 : Buffer.byteLength(JSON.stringify(v)));

export interface ViewBytes {
  views: number;
  total: number;
  works: number;
  worksFields: number;
  worksMembers: number;
  people: number;
  peopleFields: number;
  notes: number;
  library: number;
  workCopies: number;
  distinctWorks: number;
}

export function viewBytes(views: readonly KeptView[]): ViewBytes {
  const out: ViewBytes = { views: views.length, total: 0, works: 0, worksFields: 0, worksMembers: 0, people: 0, peopleFields: 0, notes: 0, library: 0, workCopies: 0, distinctWorks: 0 };
  const ids = new Set<string>();
  for (const v of views) {
    out.total += bytes(v);
    out.notes += bytes(v.notes);
    out.library += bytes(v.library);
    for (const w of v.slice.works) {
      out.works += bytes(w);
      out.worksFields += bytes((w as { fields?: unknown }).fields);
      out.worksMembers += bytes(w.members) + bytes(w.versions);
      out.workCopies++;
      ids.add(w.id);
    }
    for (const p of v.slice.people) {
      out.people += bytes(p);
      out.peopleFields += bytes((p as { fields?: unknown }).fields);
    }
  }
  out.distinctWorks = ids.size;
  return out;
}

export function viewBytesFigures(lib: Library = generateLibrary()): Figure[] {
  const result = mergeRecords(lib.records, []);
  const built = keptViews(result, lib.records);
  const whole = viewBytes(built);
  const stored = viewBytes(built.map(storedView));
  const MB = 1e6;
  const mb = (n: number) => (n / MB).toFixed(1);
  const note = `${lib.researchers} researchers, ${lib.rows.toLocaleString('en')} rows (captures ${mb(bytes(lib.records))} MB); ${stored.views} views, ${stored.workCopies.toLocaleString('en')} copies of ${stored.distinctWorks.toLocaleString('en')} works; as built ${mb(whole.total)} MB: works ${mb(whole.works)} MB (provenance ${mb(whole.worksFields)}, records and versions ${mb(whole.worksMembers)}), people ${mb(whole.people)} MB; stored without the works' provenance, recomputed from the captures where used`;
  return [{ name: 'kept views of the 303-researcher library as stored, JSON', value: stored.total / MB, unit: 'MB', note }];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const lib = generateLibrary();
  const result = mergeRecords(lib.records, []);
  const views = keptViews(result, lib.records);
  console.log(JSON.stringify({ captures: bytes(lib.records), built: viewBytes(views), stored: viewBytes(views.map(storedView)) }, null, 1));
  const big = [...views].sort((a, c) => bytes(c) - bytes(a)).slice(0, 3).map((v) => [v.id, bytes(v), bytes(storedView(v)), v.slice.works.length, v.slice.people.length]);
  console.log(JSON.stringify(big));
}
