// The JSON backup of everything the extension keeps: stored captures, the
// user's decisions and settings. Versioned; on the way in every capture is
// validated (its key must be its own source's), every decision and every
// setting too, and what is rejected is reported, not silently dropped.

import type { Capture } from '../core/capture';
import type { UserDecision } from '../core/merge/types';
import { toUserDecision } from '../core/merge/decision-check';
import { validateCapture } from '../core/validate';
import { normalizeSiteSettings, SITE_SETTINGS_KEY } from '../shell/site-settings';

export const BACKUP_FORMAT = 'scholar-lens.backup' as const;
export const BACKUP_VERSION = 1 as const;

/** A stored capture as the store keeps it (extra store fields such as timesSeen pass through). */
export interface StoredCaptureRecord {
  key: string;
  firstSeen: string;
  lastSeen: string;
  capture: Capture;
  [extra: string]: unknown;
}

/** A decision as stored: the merge's UserDecision, plus the store's own id if it has one. */
export type BackupDecision = UserDecision & { id?: string };

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: string;
  captures: StoredCaptureRecord[];
  decisions: BackupDecision[];
  settings: Record<string, unknown>;
}

export function makeBackup(
  data: { captures: StoredCaptureRecord[]; decisions?: BackupDecision[]; settings?: Record<string, unknown> },
  now: Date,
): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    captures: [...data.captures].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    decisions: data.decisions ?? [],
    settings: data.settings ?? {},
  };
}

export function serializeBackup(b: Backup): string {
  return JSON.stringify(b, null, 2) + '\n';
}

export interface Rejected {
  /** Where in the file: "captures[3]", "decisions[0]". */
  at: string;
  key?: string;
  errors: string[];
}

export type ParsedBackup = { ok: true; backup: Backup; rejected: Rejected[] } | { ok: false; errors: string[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));

/** Reads a backup file. Bad records are left out and listed in `rejected`; a bad envelope fails. */
export function parseBackup(text: string): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { ok: false, errors: [`not JSON: ${err instanceof Error ? err.message : String(err)}`] };
  }
  return readBackupData(data);
}

/** The same for a file already parsed as JSON (the command line reads each file once, and a library's backup is large). */
export function readBackupData(data: unknown): ParsedBackup {
  if (!isObj(data) || data.format !== BACKUP_FORMAT) return { ok: false, errors: [`not a Scholar Lens backup (format must be "${BACKUP_FORMAT}")`] };
  if (data.version !== BACKUP_VERSION)
    return { ok: false, errors: [`backup version ${String(data.version)} is not supported (this version reads ${BACKUP_VERSION})`] };
  const errors: string[] = [];
  if (!isDate(data.exportedAt)) errors.push('exportedAt: expected an ISO date-time');
  if (!Array.isArray(data.captures)) errors.push('captures: expected an array');
  if (!Array.isArray(data.decisions)) errors.push('decisions: expected an array');
  if (!isObj(data.settings)) errors.push('settings: expected an object');
  if (errors.length) return { ok: false, errors };

  const rejected: Rejected[] = [];
  const captures: StoredCaptureRecord[] = [];
  const seen = new Set<string>();
  (data.captures as unknown[]).forEach((r, i) => {
    const at = `captures[${i}]`;
    if (!isObj(r)) return rejected.push({ at, errors: ['expected an object'] });
    const key = typeof r.key === 'string' && r.key.length > 0 ? r.key : undefined;
    const errs: string[] = [];
    if (!key) errs.push('key: expected a non-empty string');
    else if (seen.has(key)) errs.push('key: appears twice in this backup');
    if (!isDate(r.firstSeen)) errs.push('firstSeen: expected an ISO date-time');
    if (!isDate(r.lastSeen)) errs.push('lastSeen: expected an ISO date-time');
    const check = validateCapture(r.capture);
    if (!check.ok) errs.push(...check.errors);
    // A record is its own source's: "dblp:…" holding another site's capture would pass it off as DBLP's page.
    else if (key && !key.startsWith(`${check.capture.source}:`)) errs.push(`key: not a key of its capture's source "${check.capture.source.slice(0, 60)}"`);
    if (errs.length) return rejected.push({ at, ...(key ? { key } : {}), errors: errs });
    seen.add(key!);
    captures.push(r as StoredCaptureRecord);
  });
  const decisions: BackupDecision[] = [];
  (data.decisions as unknown[]).forEach((d, i) => {
    const at = `decisions[${i}]`;
    // The one decision check (the store uses it too); a stored id is kept, nothing else.
    const decision = toUserDecision(d);
    if (!decision) return rejected.push({ at, errors: ['expected a decision { kind, at, people|works: [ref, ref] } or { kind, at, person, work }'] });
    const id = isObj(d) && typeof d.id === 'string' && d.id ? d.id : undefined;
    decisions.push(id ? { ...decision, id } : decision);
  });
  // Settings are restored into the store and handed to the content scripts:
  // only the ones this version keeps, made whole; anything else is reported.
  const settings: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data.settings as Obj)) {
    if (k === SITE_SETTINGS_KEY) settings[k] = normalizeSiteSettings(v);
    else rejected.push({ at: `settings.${k.slice(0, 60)}`, errors: ['not a setting Scholar Lens keeps'] });
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: data.exportedAt as string,
      captures,
      decisions,
      settings,
    },
    rejected,
  };
}

/** JSON with object keys sorted: equal values give equal strings. */
export function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (isObj(v))
    return `{${Object.keys(v)
      .sort()
      .filter((k) => v[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

export interface ImportPlan {
  /** Records to write (whole records, keyed by `key`). */
  captures: StoredCaptureRecord[];
  decisions: BackupDecision[];
  settings: Record<string, unknown>;
  /** Backup records already present exactly. */
  unchanged: number;
}

/**
 * What to write so the store holds the backup's data. Into an empty store
 * the backup's records go in exactly as they are. For a page already stored,
 * the seen-dates widen and the later capture wins, so a stale backup never
 * overwrites a newer capture. Applying the plan and planning again yields
 * nothing to write: import is idempotent.
 */
export function planImport(
  existing: { captures: StoredCaptureRecord[]; decisions: BackupDecision[] },
  backup: Backup,
): ImportPlan {
  const byKey = new Map(existing.captures.map((r) => [r.key, r]));
  const out: StoredCaptureRecord[] = [];
  let unchanged = 0;
  for (const r of backup.captures) {
    const old = byKey.get(r.key);
    const next = old ? combine(old, r) : r;
    if (old && stableJson(old) === stableJson(next)) unchanged++;
    else out.push(next);
  }
  const have = new Set(existing.decisions.map(stableJson));
  const decisions = backup.decisions.filter((d) => !have.has(stableJson(d)));
  return { captures: out, decisions, settings: { ...backup.settings }, unchanged };
}

function combine(old: StoredCaptureRecord, incoming: StoredCaptureRecord): StoredCaptureRecord {
  const newer = incoming.capture.capturedAt > old.capture.capturedAt ? incoming : old;
  return {
    ...newer,
    firstSeen: old.firstSeen < incoming.firstSeen ? old.firstSeen : incoming.firstSeen,
    lastSeen: old.lastSeen > incoming.lastSeen ? old.lastSeen : incoming.lastSeen,
  };
}
