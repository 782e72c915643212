// What the popup shows for the tab, loaded in one plain function: the tab's
// status, whether it is about the page shown now, and for an author or paper
// page the merged profile it belongs to. The component only renders the result.
import { viewIsCurrent, type ResultSlice } from '../../core/kept-views';
import type { MergedPerson } from '../../core/merge/types';
import type { TabStatus } from '../../shell/messages';
import type { CaptureRecord, DecisionRecord } from '../../store/schema';
import type { PopupData } from './popup-data';
import { PENDING_RETRY_MS, PENDING_TRIES, statusFreshness } from './status-freshness';

export interface Loaded {
  status: TabStatus;
  record?: CaptureRecord;
  /** The kept view's part of the merged library: the person, their works and the people suggested. */
  result?: ResultSlice;
  person?: MergedPerson;
  decisions: DecisionRecord[];
  /** Notes of the captures behind the view, by capture key. */
  notes: Record<string, string[]>;
  /** The kept view is older than this page's capture (or missing): shown as it is while the background brings it up to date. */
  updating?: boolean;
  /** Merging failed: the page is shown as stored, with the way out (Recovery.tsx). */
  problem?: string;
}

/** `recover`: the library itself could not be loaded, so Restore and Erase are offered. */
export type PopupView = { phase: 'loading' } | { phase: 'empty' } | ({ phase: 'status' } & Loaded) | { phase: 'error'; message: string; recover?: boolean };

export interface PopupState {
  view: PopupView;
  /** The tab's address when it is a web page (offers "Save this page"). */
  pageUrl?: string;
  /** The site's name when automatic reading is off for it. */
  autoOff?: string;
}

export type PopupSource = Pick<PopupData, 'status' | 'pageUrl' | 'autoOffSite' | 'onSupportedSite' | 'profile'>;

export interface LoadOptions {
  /** The popup moved on (closed, reloaded): stop waiting. */
  cancelled?(): boolean;
  sleep?(ms: number): Promise<void>;
  tries?: number;
  retryMs?: number;
}

const timer = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Load the popup's state; undefined when cancelled meanwhile. Never throws: a failure is the 'error' view. */
export async function loadPopup(data: PopupSource, o: LoadOptions = {}): Promise<PopupState | undefined> {
  const tries = o.tries ?? PENDING_TRIES;
  try {
    for (let attempt = 0; ; attempt++) {
      const [status, pageUrl] = await Promise.all([data.status(), data.pageUrl()]);
      // Read beside the profile, not before it: the profile's read need not wait for the settings.
      const autoOffRead = pageUrl ? data.autoOffSite(pageUrl) : Promise.resolve(undefined);
      void autoOffRead.catch(() => undefined); // awaited on every way out but a cancelled one
      const base = async () => ({ pageUrl, autoOff: await autoOffRead });
      if (o.cancelled?.()) return undefined;
      if (!status) return { ...(await base()), view: { phase: 'empty' } };
      // A single-page app moved on: never show the previous page's status as this one's (status-freshness.ts).
      const fresh = statusFreshness(status, pageUrl, data.onSupportedSite);
      if (fresh === 'pending' && attempt < tries) {
        await base(); // a failed read is the 'error' view, as before
        await (o.sleep ?? timer)(o.retryMs ?? PENDING_RETRY_MS);
        if (o.cancelled?.()) return undefined;
        continue;
      }
      if (fresh !== 'current') return { ...(await base()), view: { phase: 'empty' } };
      const [b, profile] = await Promise.all([base(), profileOf(data, status)]);
      return { ...b, view: { phase: 'status', ...profile } };
    }
  } catch (err) {
    return { view: { phase: 'error', message: err instanceof Error ? err.message : String(err), recover: true } };
  }
}

/**
 * The stored capture behind a status and, for an author or paper page, the
 * merged person it belongs to, as the background keeps it: one read through an
 * index, never a merge of the library here.
 */
async function profileOf(data: PopupSource, status: TabStatus): Promise<Loaded> {
  const stored = status.key ? await data.profile(status.key) : { decisions: [] };
  const { record, view, meta } = stored;
  const loaded: Loaded = { status, decisions: stored.decisions, notes: {} };
  if (record) loaded.record = record;
  if (!record || (record.pageKind !== 'author' && record.pageKind !== 'paper')) return loaded;
  const current = viewIsCurrent(meta, record.key, record.capture.capturedAt);
  // The last build failed and none includes this page: the page is shown as stored, with the way out.
  if (meta?.error !== undefined && !current) {
    loaded.problem = meta.error;
    return loaded;
  }
  if (!current) loaded.updating = true;
  if (view) {
    loaded.result = view.slice;
    loaded.notes = view.notes;
    const person = view.personId !== undefined ? view.slice.people[0] : undefined;
    if (person) loaded.person = person;
  }
  return loaded;
}

/** "Read this page" is offered wherever no site adapter read a list: unknown sites, unrecognized pages, earlier generic reads. */
export function offersListReading(s: TabStatus): boolean {
  return s.source === 'none' || s.source === 'generic-list' || s.pageKind === 'unrecognized' || s.pageKind === 'blocked';
}
