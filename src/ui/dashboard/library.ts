// The dashboard's writes to the store: imports, deletions, settings. Kept
// apart from the components so they run in unit tests on fake-indexeddb.

import type { MergedPerson } from '../../core/merge/types';
import { BIBLIOGRAPHY_SOURCE, makeBackup, parseBackup, planImport, type Backup, type BackupDecision, type StoredCaptureRecord } from '../../formats';
import { normalizeSiteSettings, SITE_SETTINGS_KEY, type SiteSettings } from '../../shell/site-settings';
import { allCaptures, allDecisions, deleteCapture, personIdsOf, putCapture, putSetting, type CaptureRecord, type LensDB } from '../../store/store';
import { markViewsBehind } from '../../store/views-behind';
import { decisionRecord, decisionsOf } from '../model/decision-records';

export interface ImportOutcome {
  message: string;
  ok: boolean;
}

/** A JSON backup restores everything; anything else is read as the user's bibliography (CSL-JSON, BibTeX or a Publish or Perish CSV). */
export async function importFile(db: LensDB, fileName: string, text: string, owner: string, now: Date): Promise<ImportOutcome> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') && trimmed.includes('"scholar-lens.backup"')) return importBackup(db, text);
  try {
    // Loaded on demand: the BibTeX parser is large and only imports need it.
    const { readBibliography, describeProblem } = await import('../../formats/import');
    const scholarUser = owner.trim() && /google_scholar_id/i.test(text) ? await ownScholarProfile(db, owner.trim()) : undefined;
    const { capture, problems } = readBibliography(text, fileName, {
      ...(owner.trim() ? { owner: owner.trim() } : {}),
      ...(scholarUser ? { scholarUser } : {}),
      now,
    });
    const key = `${BIBLIOGRAPHY_SOURCE}:${fileName}`;
    const res = await putCapture(db, key, capture);
    // The entries left out are named (key and line) so the user can fix them in the file.
    const skipped = problems.filter((p) => p.skipped);
    const left = skipped.length
      ? ` ${skipped.length} entr${skipped.length === 1 ? 'y' : 'ies'} not imported: ${skipped.map(describeProblem).join('; ')}.`
      : '';
    return {
      ok: true,
      message: `${fileName}: ${capture.works?.length ?? 0} works ${res.status === 'added' ? 'imported' : 'updated'}${owner.trim() ? ` as ${owner.trim()}'s` : ''}.${left}`,
    };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * The Scholar profile id of the owner of a bibliography, when the store holds
 * exactly one Google Scholar profile under that very name: al-folio's
 * `google_scholar_id` is a row of that profile without its profile part.
 * Two profiles under the name, or none: nothing is guessed.
 */
async function ownScholarProfile(db: LensDB, owner: string): Promise<string | undefined> {
  const fold = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  const ids = new Set<string>();
  for (const r of await allCaptures(db)) {
    const c = r.capture;
    const id = c.person?.ids?.gscholar;
    if (c.source === 'google-scholar' && c.pageKind === 'author' && id && c.person && fold(c.person.name) === fold(owner)) ids.add(id);
  }
  return ids.size === 1 ? [...ids][0] : undefined;
}

export async function importBackup(db: LensDB, text: string): Promise<ImportOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, message: `Not imported: ${parsed.errors.join('; ')}` };
  const existing = { captures: (await allCaptures(db)) as unknown as StoredCaptureRecord[], decisions: (await allDecisions(db)) as unknown as BackupDecision[] };
  const plan = planImport(existing, parsed.backup);
  const tx = db.transaction(['captures', 'decisions', 'settings', 'viewsMeta'], 'readwrite');
  // Seen to, whichever request fails first: an abort rejects every request and tx.done (awaited below).
  tx.done.catch(() => undefined);
  if (plan.captures.length || plan.decisions.length) await markViewsBehind(tx.objectStore('viewsMeta'));
  for (const r of plan.captures) {
    const c = r.capture;
    const record: CaptureRecord = {
      timesSeen: 1,
      ...r,
      key: r.key,
      source: c.source,
      pageKind: c.pageKind,
      url: c.url,
      firstSeen: r.firstSeen,
      lastSeen: r.lastSeen,
      personIds: personIdsOf(c),
      capture: c,
    };
    await tx.objectStore('captures').put(record);
  }
  for (const { id, ...d } of plan.decisions) await tx.objectStore('decisions').put(id ? { ...decisionRecord(d), id } : decisionRecord(d));
  for (const [k, v] of Object.entries(plan.settings)) await tx.objectStore('settings').put(v, k);
  await tx.done;
  const rejected = parsed.rejected.length ? `; ${parsed.rejected.length} record(s) rejected` : '';
  return { ok: true, message: `Backup imported: ${plan.captures.length} page(s) written, ${plan.unchanged} already present, ${plan.decisions.length} decision(s)${rejected}.` };
}

export async function backupOf(db: LensDB, now: Date): Promise<Backup> {
  const [captures, decisions] = await Promise.all([allCaptures(db), allDecisions(db)]);
  const keys = await db.getAllKeys('settings');
  const settings: Record<string, unknown> = {};
  for (const k of keys) settings[String(k)] = await db.get('settings', k);
  return makeBackup({ captures: captures as unknown as StoredCaptureRecord[], decisions: decisions.filter((d) => decisionsOf([d]).length) as unknown as BackupDecision[], settings }, now);
}

/** Deleting a person deletes the author pages their profile is built from (works seen elsewhere stay). */
export async function deletePerson(db: LensDB, person: MergedPerson): Promise<void> {
  for (const p of person.pages) await deleteCapture(db, p.captureKey);
}

/** Settings go to the store (for backups) and to storage.local (for the content script). */
export async function saveSiteSettings(db: LensDB, settings: SiteSettings, storageSet: (items: Record<string, unknown>) => Promise<void>): Promise<void> {
  const clean = normalizeSiteSettings(settings);
  await putSetting(db, SITE_SETTINGS_KEY, clean);
  await storageSet({ [SITE_SETTINGS_KEY]: clean });
}
