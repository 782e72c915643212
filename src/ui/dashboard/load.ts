// What the dashboard shows, loaded in plain functions: the whole library
// merged under the user's decisions, the person a link names, the site
// settings and the storage estimate. Components render what these return.
import type { MergedPerson, LightResult } from '../../core/merge/types';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from '../../shell/site-settings';
import type { Capture, Work } from '../../core/capture';
import type { CaptureRecord, DecisionRecord } from '../../store/schema';
import { mergeRecords } from '../model/merged-library';
import { libraryOf, viewsAreCurrent, type KeptView, type ViewsMeta } from '../../core/kept-views';
import type { DashboardData } from './Dashboard';

/**
 * A stored page as the dashboard keeps it once its library is loaded: the
 * record with each work's title alone (the page list counts them, a split
 * names a record by the title it had on its page), not every field of every
 * row (the captures were two thirds of the dashboard's heap at 59k rows;
 * issue 16, renderer memory). An export reads the works' captures again from
 * the store (DashboardData.captures).
 */
export type PageRecord = Omit<CaptureRecord, 'capture'> & { capture: Omit<Capture, 'works'> & { works?: Pick<Work, 'title'>[] } };

export function pageRecord(r: CaptureRecord): PageRecord {
  const { works, ...capture } = r.capture;
  return { ...r, capture: works ? { ...capture, works: works.map((w) => (w.title === undefined ? {} : { title: w.title })) } : capture };
}

export interface Library {
  records: PageRecord[];
  decisions: DecisionRecord[];
  result: LightResult;
  /**
   * Why the library is shown without its merge (the store could not be read,
   * or merging failed): the pages are then listed as stored, and Erase and
   * Restore stay at hand. Never a blank page.
   */
  problem?: string;
}

const NOTHING_MERGED: LightResult = { works: [], people: [], unresolvedDecisions: [], stats: { captures: 0, records: 0, works: 0, people: 0 } };

/** A library with nothing in it but the reason: what the dashboard shows when even loading failed. */
export const libraryWithProblem = (problem: string): Library => ({ records: [], decisions: [], result: NOTHING_MERGED, problem });

const message = (e: unknown) => (e instanceof Error ? e.message || e.name : String(e));

/**
 * The library merged under the user's decisions: as the background keeps it
 * when its views are built from exactly the stored records (asking it to
 * catch up once when they are not), else merged here. Never throws: a failure
 * is a Library with a `problem`. `previous`: the library shown, whose pages
 * are kept instead of read again when the views were built from exactly
 * them (a reload after a join or split, which changes no page).
 */
export async function loadLibrary(data: Pick<DashboardData, 'library' | 'keptViews' | 'keptResult' | 'refreshViews' | 'keptLibrary' | 'decisions'>, previous?: Library): Promise<Library> {
  const again = previous ? await samePages(data, previous).catch(() => undefined) : undefined;
  if (again) return again;
  let stored: { records: CaptureRecord[]; decisions: DecisionRecord[] };
  try {
    stored = await data.library();
  } catch (e) {
    return libraryWithProblem(`the store could not be read (${message(e)})`);
  }
  const kept = await keptResult(data, stored.records).catch(() => undefined);
  // The pages kept light once merged (or found merged): the full captures are let go with `stored`.
  const pages = () => stored.records.map(pageRecord);
  if (kept) return { records: pages(), decisions: stored.decisions, result: kept };
  try {
    const result = mergeRecords(stored.records, stored.decisions);
    return { records: pages(), decisions: stored.decisions, result };
  } catch (e) {
    return { records: pages(), decisions: stored.decisions, result: NOTHING_MERGED, problem: `the saved pages could not be merged (${message(e)})` };
  }
}

/**
 * The library again with the pages of `previous`, when the kept views are
 * current for exactly those pages (the meta record clean, naming each of them
 * at the capture it holds, and as many pages stored): the decisions and the
 * views read, not every page (22 MB at 59k rows, and a second copy of them
 * held while they are read; issue 16, renderer memory).
 */
async function samePages(data: Pick<DashboardData, 'keptViews' | 'keptResult' | 'keptLibrary' | 'decisions'>, previous: Library): Promise<Library | undefined> {
  const read = resultReader(data);
  if (previous.problem || !previous.records.length || !read || !data.keptLibrary || !data.decisions) return undefined;
  const glance = await data.keptLibrary();
  if (glance.pages !== previous.records.length || !viewsAreCurrent(glance.meta, previous.records)) return undefined;
  const [{ result, meta }, decisions] = await Promise.all([read(), data.decisions()]);
  // The same build as at the glance (none written in between), still current for these pages.
  if (meta?.build !== glance.meta?.build || !viewsAreCurrent(meta, previous.records)) return undefined;
  return result && { records: previous.records, decisions, result };
}

/** How the kept library is read: folded view by view where the data offers it (keptResult), else from every view. */
function resultReader(data: Pick<DashboardData, 'keptViews' | 'keptResult'>): (() => Promise<{ result?: LightResult; meta?: ViewsMeta }>) | undefined {
  if (data.keptResult) return data.keptResult;
  const keptViews = data.keptViews;
  if (!keptViews) return undefined;
  return async () => {
    const { views, meta } = await keptViews();
    const result = libraryOf(views);
    return { ...(result ? { result } : {}), ...(meta ? { meta } : {}) };
  };
}

async function keptResult(data: Pick<DashboardData, 'library' | 'keptViews' | 'keptResult' | 'refreshViews'>, records: readonly CaptureRecord[]): Promise<LightResult | undefined> {
  const read = resultReader(data);
  if (!read) return undefined;
  let { result, meta } = await read();
  if (!viewsAreCurrent(meta, records) && data.refreshViews) {
    await data.refreshViews({ stale: true });
    ({ result, meta } = await read());
  }
  // Still behind (a capture arrived meanwhile, the background is not answering): merged here instead.
  return viewsAreCurrent(meta, records) ? result : undefined;
}

/** What the people list and the counts above it need, before the works: the dashboard shows it while the rest loads. */
export interface PeopleFirst {
  people: MergedPerson[];
  works: number;
  pages: number;
}

/**
 * The people as the kept library view holds them, when the views look current
 * at a glance: no change pending, no failed build, as many pages in the store
 * as the build read. The full load (loadLibrary) checks every page's capture
 * and replaces this; undefined whenever the glance is not enough (it then
 * decides alone what is shown). Never throws.
 */
export async function loadPeopleFirst(data: Pick<DashboardData, 'keptLibrary'>): Promise<PeopleFirst | undefined> {
  if (!data.keptLibrary) return undefined;
  const got: { view?: KeptView; meta?: ViewsMeta; pages: number } | undefined = await data.keptLibrary().catch(() => undefined);
  const { view, meta, pages } = got ?? { pages: 0 };
  if (!view?.library || !meta || meta.dirty || meta.error !== undefined || pages === 0 || Object.keys(meta.captures).length !== pages) return undefined;
  return { people: view.slice.people, works: view.library.workIds.length, pages };
}

/** The person a `#person=` link names: by merged id, or by `page:<capture key>` (ids change as people merge; pages do not). */
export function personNamed(lib: Library, personId: string): MergedPerson | undefined {
  return lib.result.people.find((p) => p.id === personId || p.pages.some((pg) => `page:${pg.captureKey}` === personId));
}

/** The person id in the address (`#person=<id>`), if any. */
export function personIdOf(hash: string): string | undefined {
  const m = /^#person=(.+)$/.exec(hash);
  return m ? decodeURIComponent(m[1]!) : undefined;
}

/** The settings as stored; the defaults when they cannot be read, so the panel still works. */
export async function loadSiteSettings(data: Pick<DashboardData, 'siteSettings'>): Promise<SiteSettings> {
  return data.siteSettings().catch(() => ({ ...DEFAULT_SITE_SETTINGS, auto: {} }));
}

/** The browser's storage estimate; empty when it will not say. */
export async function loadStorageEstimate(data: Pick<DashboardData, 'storageEstimate'>): Promise<{ usage?: number; quota?: number }> {
  return data.storageEstimate().catch(() => ({}));
}
