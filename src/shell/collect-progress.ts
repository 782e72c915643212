// The state of a "Collect all" run, as the content script reports it, the
// background keeps it in the tab's status, and the popup shows it. Kept apart
// from the runner so the background and popup bundles need only this.

export type CollectState = 'running' | 'complete' | 'stopped' | 'cancelled';

export interface CollectProgress {
  state: CollectState;
  /** Pages read so far, the one in the tab included. */
  pages: number;
  /** Works collected so far (duplicates across pages counted once). */
  works: number;
  /** Works in the whole list, when the site states it. */
  total?: number;
  /** Estimated time left in milliseconds; a lower bound when `etaAtLeast` (the site does not state the total). */
  etaMs?: number;
  etaAtLeast?: boolean;
  /** Why the run stopped (captcha, sign-in, error) — shown to the user. */
  reason?: string;
  /** Epoch milliseconds of this report. */
  at: number;
}

const STATES: readonly CollectState[] = ['running', 'complete', 'stopped', 'cancelled'];

const count = (v: unknown): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? Math.round(v) : undefined;

/** A progress report from a message, checked field by field; undefined if it is not one. */
export function parseProgress(raw: unknown): CollectProgress | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  if (!STATES.includes(o.state as CollectState)) return undefined;
  const pages = count(o.pages);
  const works = count(o.works);
  const at = count(o.at);
  if (pages === undefined || works === undefined || at === undefined) return undefined;
  const p: CollectProgress = { state: o.state as CollectState, pages, works, at };
  const total = count(o.total);
  if (total !== undefined) p.total = total;
  const eta = count(o.etaMs);
  if (eta !== undefined) p.etaMs = eta;
  if (o.etaAtLeast === true) p.etaAtLeast = true;
  if (typeof o.reason === 'string' && o.reason.trim()) p.reason = o.reason.trim().slice(0, 300);
  return p;
}
