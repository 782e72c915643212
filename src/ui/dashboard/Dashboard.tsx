// The dashboard: every person and work, a person's full page, curation,
// settings, import/export and storage. Data access is injected (DashboardData)
// so the component stays testable; load.ts loads, these components render, and
// writes reload the library and re-merge.
import { memo } from 'preact/compat';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LightResult, MergedPerson, UserDecision } from '../../core/merge/types';
import type { SiteSettings } from '../../shell/site-settings';
import type { CaptureRecord, DecisionRecord } from '../../store/schema';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { provenanceFromStore, ProvenanceContext, reloadingWhenBehind } from '../components/provenance';
import { ExportButtons } from '../components/ExportButtons';
import { downloadText } from '../components/download';
import { fileNameFor, FORMAT_INFO } from '../../formats';
import { decisionsOf } from '../model/decision-records';
import { siteName } from '../model/person-view';
import { libraryWithProblem, loadLibrary, loadPeopleFirst, loadSiteSettings, loadStorageEstimate, personIdOf, personNamed, type Library, type PeopleFirst } from './load';
import { CommitteeView } from './CommitteeView';
import { DataExports } from './DataExports';
import { compareText, foldQuery, matchesFolded } from '../model/search';
import { PersonPage } from './PersonPage';
import { ownTitles, WorksTable } from './WorksTable';
import { DataLink, Facts } from '../components/data';
import { PAGE_KIND_LABEL } from '../labels';
import type { KeptView, ViewsMeta } from '../../core/kept-views';
import { patchResult, resultIndexInSlices, type ResultPatch, type SliceScheduler } from '../../core/provisional-views';
import { decisionRecord } from '../model/decision-records';

export interface DashboardData {
  library(): Promise<{ records: CaptureRecord[]; decisions: DecisionRecord[] }>;
  /** The stored captures of these keys (an export's or a copied citation's provenance); without it they are found in library(). */
  captures?(keys: string[]): Promise<CaptureRecord[]>;
  /**
   * The merged library as the background keeps it (src/shell/view-keeper.ts),
   * and a way to ask for it to be brought up to date. Without them (tests,
   * the command line's own pages) the dashboard merges the records itself.
   */
  keptViews?(): Promise<{ views: KeptView[]; meta?: ViewsMeta }>;
  /** The library those views hold and their meta record, read a view at a time (preferred to keptViews when there). */
  keptResult?(): Promise<{ result?: LightResult; meta?: ViewsMeta }>;
  refreshViews?(o: { changed?: boolean; stale?: boolean }): Promise<void>;
  /** The kept views' meta record alone (when the last build was made, and where it merged), for the Rebuild line. */
  viewsMeta?(): Promise<ViewsMeta | undefined>;
  /** The kept library view alone (every person, no works), for the people list shown before the rest has loaded. */
  keptLibrary?(): Promise<{ view?: KeptView; meta?: ViewsMeta; pages: number }>;
  /** The stored decisions alone: a reload after a join or split reads them, and no page when none changed (loadLibrary). */
  decisions?(): Promise<DecisionRecord[]>;
  /**
   * Store decisions. Answers with a provisional patch (the views they concern
   * merged again alone, src/core/provisional-views.ts) when the background
   * made one; the full rebuild then follows, which `refreshViews({})` waits for.
   * Undefined: the stored state is already current (or this page must merge it).
   */
  decide(ds: UserDecision[]): Promise<ResultPatch | undefined | void>;
  /**
   * A decision on these records (`captureKey#index`) may follow: a work was
   * selected, or the pointer is on a record's "split this record out". The
   * background reads ahead the captures that decision would read; nothing is
   * answered or changed. Optional (without a background it does nothing).
   */
  prefetch?(rows: string[]): void;
  /** Delete stored pages; answers as `decide` does (the patch then names the keys deleted, `gone`). */
  deleteCapture(key: string): Promise<ResultPatch | undefined | void>;
  deletePerson(person: MergedPerson): Promise<ResultPatch | undefined | void>;
  eraseAll(): Promise<void>;
  importFile(name: string, text: string, owner: string): Promise<{ ok: boolean; message: string }>;
  backupText(): Promise<string>;
  siteSettings(): Promise<SiteSettings>;
  saveSiteSettings(s: SiteSettings): Promise<void>;
  sites: { id: string; name: string }[];
  storageEstimate(): Promise<{ usage?: number; quota?: number }>;
  currentYear: number;
  now(): Date;
}

const hashPerson = () => personIdOf(location.hash);

/** A change shown from its patch: the patch, and the decisions it stored (none for a delete). */
interface Shown {
  patch: ResultPatch;
  decisions: DecisionRecord[];
}

const isPatch = (x: unknown): x is ResultPatch => !!x && typeof x === 'object' && Array.isArray((x as ResultPatch).works) && Array.isArray((x as ResultPatch).people);

/** The library with a change's patch in: its decisions stored, its deleted pages gone, the patch's works and people in place. */
function patched(l: Library, { patch, decisions }: Shown): Library {
  const ids = new Set(decisions.map((r) => r.id));
  const gone = new Set(patch.gone ?? []);
  return {
    ...l,
    records: gone.size ? l.records.filter((r) => !gone.has(r.key)) : l.records,
    decisions: ids.size ? [...l.decisions.filter((d) => !ids.has(d.id)), ...decisions] : l.decisions,
    result: patchResult(l.result, patch),
  };
}
const COMMITTEE_HASH = '#committee';

/** The longest slice of idle work (ms): a click that comes during one waits at most about this long. */
const SLICE_MS = 6;

/**
 * Slices of work started when the page is idle (requestIdleCallback, else a
 * task later), each given how long it may take (at most SLICE_MS); the next
 * slices follow as tasks of their own (a MessageChannel's), not in later idle
 * periods: a callback asked for during one waits for the next period (up to
 * 50 ms each), and an index of 10 slices then took 0.3–2 s to be whole.
 * Between two tasks the page handles input first.
 */
function idleThenTasks(): SliceScheduler {
  let first = true;
  return (run) => {
    const budget = (left: () => number) => {
      const end = performance.now() + SLICE_MS;
      return () => Math.min(left(), end - performance.now());
    };
    if (first && typeof requestIdleCallback === 'function') {
      first = false;
      const id = requestIdleCallback((d) => run(budget(() => (d.didTimeout ? SLICE_MS : d.timeRemaining()))), { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    first = false;
    if (typeof MessageChannel === 'function') {
      const ch = new MessageChannel();
      let live = true;
      ch.port1.onmessage = () => {
        ch.port1.close();
        if (live) run(budget(() => SLICE_MS));
      };
      ch.port2.postMessage(0);
      return () => {
        live = false;
        ch.port1.close();
      };
    }
    const id = setTimeout(() => run(budget(() => SLICE_MS)), 0);
    return () => clearTimeout(id);
  };
}

/**
 * The effect that loads the library (the people first on opening, every work
 * after; on a reload every work). Made here, outside the component: a hook
 * keeps its callback until its inputs change, and a callback made in a render
 * would keep every variable of that render that any of its closures uses (V8
 * keeps them together), the library shown then among them — a copy of every
 * page and work held after each join or split (issue 16, renderer memory).
 */
function libraryLoader(
  data: DashboardData,
  reload: number,
  shown: { current: ({ n: number } & Shown)[] },
  rebuiltUpTo: { current: number },
  shownLib: { current: Library | null },
  set: { setLib(l: Library): void; setFirst(p: PeopleFirst): void; setUpdating(u: boolean): void },
): () => () => void {
  const { setLib, setFirst, setUpdating } = set;
  return () => {
    let live = true;
    const full = () => {
      const upTo = rebuiltUpTo.current;
      // loadLibrary never throws; anything else that does still ends in a library with its problem, never a blank page.
      return loadLibrary(data, shownLib.current ?? undefined)
        .catch((e: unknown) => libraryWithProblem(e instanceof Error ? e.message : String(e)))
        .then((l) => {
          if (!live) return;
          // Decisions made since this reload's rebuild was asked for stay shown from their patches, on top.
          shown.current = shown.current.filter((p) => p.n > upTo);
          setLib(l.problem ? l : shown.current.reduce(patched, l));
          setUpdating(shown.current.length > 0);
        });
    };
    if (reload > 0) void full();
    else
      void loadPeopleFirst(data).then((p) => {
        if (!live) return;
        if (p) setFirst(p);
        // A task later, so the people list is drawn before the full read's results arrive on this thread.
        setTimeout(() => live && void full(), 0);
      });
    return () => {
      live = false;
    };
  };
}

export function Dashboard({ data }: { data: DashboardData }) {
  const [lib, setLib] = useState<Library | null>(null);
  // On opening, the people list from the kept library view: every work (a read many times larger) follows.
  const [first, setFirst] = useState<PeopleFirst | null>(null);
  const [reload, setReload] = useState(0);
  // Decisions shown from their provisional merge (numbered), whose full rebuild has not been read back yet; and
  // the number up to which a finished rebuild was asked for (a reload then includes those decisions exactly).
  const shown = useRef<({ n: number } & Shown)[]>([]);
  const rebuiltUpTo = useRef(0);
  const [updating, setUpdating] = useState(false);
  const [personId, setPersonId] = useState(hashPerson());
  const [committee, setCommittee] = useState(location.hash === COMMITTEE_HASH);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  useEffect(() => {
    const on = () => {
      setPersonId(hashPerson());
      setCommittee(location.hash === COMMITTEE_HASH);
    };
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  // The library shown, for a reload: its pages are kept when none changed (loadLibrary).
  const shownLib = useRef<Library | null>(null);
  shownLib.current = lib;
  useEffect(libraryLoader(data, reload, shown, rebuiltUpTo, shownLib, { setLib, setFirst, setUpdating }), [data, reload]);
  const refresh = () => setReload((n) => n + 1);
  /**
   * A decision's or a delete's patch (the background's merge of what it
   * concerns, src/core/provisional-views.ts): shown at once, "Updating…" until
   * the background's full rebuild is read back, then exact. Without a patch
   * (no background, or the fast path declined) the library is read again.
   */
  const show = (patch: ResultPatch | undefined | void, decisions: DecisionRecord[] = []) => {
    if (!patch || !lib || lib.problem) return refresh();
    const n = (shown.current[shown.current.length - 1]?.n ?? rebuiltUpTo.current) + 1;
    shown.current.push({ n, patch, decisions });
    setLib((l) => l && patched(l, { patch, decisions }));
    setUpdating(true);
    performance.mark('decision:patched');
    void (data.refreshViews?.({}) ?? Promise.resolve()).then(() => {
      rebuiltUpTo.current = Math.max(rebuiltUpTo.current, n);
      refresh();
    });
  };
  // A confirmed delete hands back its patch (PersonPage's runs return what deleteCapture/deletePerson answered).
  const ask = (r: ConfirmRequest) =>
    setConfirm({
      ...r,
      run: async () => {
        const out = await r.run();
        show(isPatch(out) ? out : undefined);
      },
    });
  const person = lib && personId && !lib.problem ? personNamed(lib, personId) : undefined;
  const decide = async (ds: UserDecision[]) => {
    performance.mark('decision:start');
    show(await data.decide(ds), ds.map(decisionRecord));
  };
  // The index a decision's patch finds the works it replaces by (patchResult), built in slices once the page is
  // idle after each library shown rather than on the click's path (a patch before the last slice finishes it).
  useEffect(() => {
    if (!lib || lib.problem) return;
    const result = lib.result;
    const t0 = performance.now();
    let busy = 0;
    let longest = 0;
    const whenIdle = idleThenTasks();
    const timed: SliceScheduler = (run) =>
      whenIdle((left) => {
        const a = performance.now();
        run(left);
        const d = performance.now() - a;
        busy += d;
        longest = Math.max(longest, d);
      });
    return resultIndexInSlices(result, timed, (slices) =>
      // For the bench (bench/decision-profile.ts): from the library shown to the last slice, and the slices' own time.
      performance.measure?.('dashboard:row-index', { start: t0, end: performance.now(), detail: { slices, busy, longest } }),
    );
  }, [lib]);
  // Works from the kept views are light: an export or a copied citation recomputes their provenance from the captures
  // of its works, read from the store then (the pages kept here are light too, Library.records).
  // When a work's pages were stored again since its view was built, the library is reloaded (after the background's
  // rebuild), so the next try finds the new views.
  const provenance = useMemo(() => reloadingWhenBehind(provenanceFromStore(data.captures ?? (async (keys) => {
    const want = new Set(keys);
    return (await data.library()).records.filter((r) => want.has(r.key));
  })), () => void (data.refreshViews?.({}) ?? Promise.resolve()).then(refresh, refresh)), [data]);

  return (
    <ProvenanceContext.Provider value={provenance}>
    <div class="dashboard" aria-busy={!lib}>
      <header class="topbar">
        <a href="#" class="brand">
          Scholar Lens
        </a>
        <span class="muted small">
          {lib
            ? `${lib.result.people.length} people · ${lib.result.works.length} works · ${lib.records.length} pages`
            : first
              ? `${first.people.length} people · ${first.works} works · ${first.pages} pages`
              : 'Loading…'}
        </span>
        {updating && (
          <span class="updating small" role="status" title="Your change is shown from the pages it concerns; the whole library is being merged again">
            Updating…
          </span>
        )}
        <nav aria-label="Views" class="views">
          <a href="#committee" aria-current={committee ? 'page' : undefined}>
            Committee view
          </a>
        </nav>
      </header>
      <main id="main">
        {!lib ? (
          first && !committee && !personId ? (
            <Home people={first.people} data={data} decide={decide} ask={ask} refresh={refresh} />
          ) : (
            <div class="placeholder placeholder--block" />
          )
        ) : committee ? (
          <CommitteeView lib={lib} data={data} />
        ) : person ? (
          <PersonPage
            lib={lib}
            person={person}
            data={data}
            decide={decide}
            ask={ask}
            refresh={refresh}
          />
        ) : lib.problem ? (
          <Recovery lib={lib} data={data} ask={ask} refresh={refresh} />
        ) : personId ? (
          <p>
            This person is no longer in the library. <a href="#">Back to everyone</a>
          </p>
        ) : (
          <Home lib={lib} people={lib.result.people} data={data} decide={decide} ask={ask} refresh={refresh} />
        )}
      </main>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </div>
    </ProvenanceContext.Provider>
  );
}

/**
 * The list of people and every work. Without `lib` (the people read first, the
 * works still loading) the people list is shown and the rest is a placeholder;
 * the same component then receives the library, so a search typed meanwhile stays.
 */
function Home(props: { lib?: Library; people: readonly MergedPerson[]; data: DashboardData; decide(ds: UserDecision[]): Promise<void>; ask(r: ConfirmRequest): void; refresh(): void }) {
  const { lib, data, decide, ask, refresh } = props;
  const [q, setQ] = useState('');
  // A record placed by abstract into a work nobody's page lists (a list page's record) is checked and split here.
  const records = lib?.records;
  const titleOf = useMemo(() => ownTitles(records ?? []), [records]);
  const people = useMemo(() => {
    const needle = foldQuery(q);
    return props.people
      .filter((p) => matchesFolded(needle, p.name, ...p.nameVariants, p.affiliation))
      .sort((a, b) => compareText(a.name, b.name));
  }, [props.people, q]);
  if (lib && !lib.records.length)
    return (
      <>
        <section class="panel empty">
          <h1>Nothing collected yet</h1>
          <p>Browse a researcher's profile on a supported site (Google Scholar, DBLP, ORCID, Semantic Scholar, arXiv…) and it appears here. Or import a backup or your own bibliography below.</p>
        </section>
        <Tools lib={lib} data={data} ask={ask} refresh={refresh} />
      </>
    );
  return (
    <>
      <section class="panel" aria-labelledby="people-title">
        <h1 id="people-title">People</h1>
        <label class="field">
          <span>Search people</span>
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder="Name or affiliation" />
        </label>
        <ul class="people-list">
          {people.map((p) => (
            <PersonItem person={p} />
          ))}
        </ul>
        {people.length === 0 && <p class="muted">No person matches.</p>}
      </section>
      <section class="panel" aria-labelledby="works-title" aria-busy={!lib}>
        <h2 id="works-title">All works</h2>
        {lib ? <WorksTable works={lib.result.works} data={data} decide={decide} titleOf={titleOf} /> : <div class="placeholder placeholder--block" />}
      </section>
      {lib && <Tools lib={lib} data={data} ask={ask} refresh={refresh} />}
    </>
  );
}

/** A person in the list: redrawn only when the person changes (a join or split patches a few of 300). */
const PersonItem = memo(function PersonItem({ person: p }: { person: MergedPerson }) {
  return (
    <li>
      <a href={`#person=${encodeURIComponent(p.id)}`} dir="auto">
        {p.name}
      </a>{' '}
      <span class="muted small">
        <Facts items={[p.affiliation, `${p.workIds.length} works`, [...new Set(p.pages.map((pg) => siteName(pg.source)))]]} />
      </span>
      {p.suggestions.length > 0 && <span class="badge">possible duplicate</span>}
    </li>
  );
});

/**
 * The library when it could not be shown merged: what went wrong, Restore and
 * Erase at hand, the saved pages as stored, and every tool (backup, import,
 * settings, storage).
 */
function Recovery({ lib, data, ask, refresh }: { lib: Library; data: DashboardData; ask(r: ConfirmRequest): void; refresh(): void }) {
  const n = lib.records.length;
  return (
    <>
      <section class="panel problem" role="alert" aria-labelledby="problem-title">
        <h1 id="problem-title">Your library could not be shown in full</h1>
        <p>
          <bdi>{lib.problem}</bdi>. {n ? `Your ${n} saved pages are listed below as they are stored. ` : ''}You can make a backup, restore one, or erase
          everything and start again.
        </p>
        <div class="row">
          <button type="button" class="chip-button" onClick={() => document.getElementById('import-file')?.click()}>
            Restore a backup…
          </button>
          <EraseButton lib={lib} data={data} ask={ask} />
        </div>
      </section>
      {n > 0 && <SavedPages lib={lib} />}
      <Tools lib={lib} data={data} ask={ask} refresh={refresh} />
    </>
  );
}

/** The stored pages as they are, without merging: readable whatever merging makes of them. */
function SavedPages({ lib }: { lib: Library }) {
  const shown = lib.records.slice(0, 500);
  return (
    <section class="panel" aria-labelledby="saved-title">
      <h2 id="saved-title">Saved pages ({lib.records.length.toLocaleString('en')})</h2>
      <ul class="saved-pages">
        {shown.map((r) => (
          <li>
            <DataLink url={r.url}>
              <bdi>{siteName(r.source)}</bdi>
            </DataLink>{' '}
            <span class="muted small">
              <Facts items={[PAGE_KIND_LABEL[r.pageKind] ?? 'page', r.capture.person?.name, r.capture.works?.length ? `${r.capture.works.length} works` : undefined, r.lastSeen.slice(0, 10)]} />
            </span>
          </li>
        ))}
      </ul>
      {lib.records.length > shown.length && <p class="muted small">and {(lib.records.length - shown.length).toLocaleString('en')} more</p>}
    </section>
  );
}

function Tools({ lib, data, ask, refresh }: { lib: Library; data: DashboardData; ask(r: ConfirmRequest): void; refresh(): void }) {
  return (
    <>
      <section class="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export everything</h2>
        <ExportButtons scope={{ works: lib.result.works }} now={data.now} label="Export every work" />
        <DataExports result={lib.result} currentYear={data.currentYear} now={data.now} />
        <p>
          <button
            type="button"
            class="chip-button"
            data-format="json"
            onClick={async () => downloadText(await data.backupText(), fileNameFor({}, 'json', data.now()), FORMAT_INFO.json.mime)}
          >
            Backup (JSON): pages, decisions and settings
          </button>
        </p>
      </section>
      <ImportPanel data={data} refresh={refresh} />
      <SettingsPanel data={data} />
      <StoragePanel data={data} lib={lib} ask={ask} refresh={refresh} />
    </>
  );
}

function ImportPanel({ data, refresh }: { data: DashboardData; refresh(): void }) {
  const [owner, setOwner] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; message: string } | undefined>();
  return (
    <section class="panel" aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      <p class="small muted">A Scholar Lens backup (JSON) restores pages, decisions and settings. A BibTeX, CSL-JSON or Publish or Perish CSV file is read as a bibliography that takes part in merging.</p>
      <label class="field">
        <span>Whose bibliography is it? (optional; leave empty for a plain list)</span>
        <input type="text" value={owner} onInput={(e) => setOwner(e.currentTarget.value)} dir="auto" />
      </label>
      <label class="field">
        <span>File to import</span>
        <input
          id="import-file"
          type="file"
          accept=".json,.bib,.bibtex,.csv,application/json,text/csv"
          onChange={async (e) => {
            // currentTarget is gone once the handler awaits.
            const input = e.currentTarget;
            const file = input.files?.[0];
            if (!file) return;
            const res = await data.importFile(file.name, await file.text(), owner);
            setMsg(res);
            input.value = '';
            refresh();
          }}
        />
      </label>
      {msg && (
        <p class={`status ${msg.ok ? 'status--ok' : 'status--bad'}`} role="status">
          <bdi>{msg.message}</bdi>
        </p>
      )}
    </section>
  );
}

function SettingsPanel({ data }: { data: DashboardData }) {
  const [s, setS] = useState<SiteSettings | undefined>();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void loadSiteSettings(data).then(setS);
  }, [data]);
  if (!s) return <section class="panel" aria-busy="true" style={{ minHeight: '160px' }} />;
  const save = async (next: SiteSettings) => {
    setS(next);
    await data.saveSiteSettings(next);
    setSaved(true);
  };
  return (
    <section class="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Sites</h2>
      <fieldset>
        <legend>Read pages automatically as you browse</legend>
        {data.sites.map((site) => (
          <label class="check">
            <input type="checkbox" checked={s.auto[site.id] !== false} onChange={(e) => save({ ...s, auto: { ...s.auto, [site.id]: e.currentTarget.checked } })} />
            {site.name}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span>Pause between pages when collecting a long list (milliseconds)</span>
        <input
          type="number"
          min={0}
          step={100}
          value={s.collectAllDelayMs}
          onChange={(e) => save({ ...s, collectAllDelayMs: Math.max(0, Number(e.currentTarget.value) || 0) })}
        />
      </label>
      {saved && (
        <p class="small muted" role="status">
          Saved.
        </p>
      )}
    </section>
  );
}

function StoragePanel({ data, lib, ask, refresh }: { data: DashboardData; lib: Library; ask(r: ConfirmRequest): void; refresh(): void }) {
  const [est, setEst] = useState<{ usage?: number; quota?: number } | undefined>();
  const [rebuilding, setRebuilding] = useState(false);
  const [built, setBuilt] = useState<ViewsMeta | undefined>();
  const refreshViews = data.refreshViews;
  useEffect(() => {
    if (!rebuilding) void data.viewsMeta?.().then(setBuilt, () => undefined);
  }, [data, lib, rebuilding]);
  // The background rebuilds the merged library from the stored pages and decisions (its merge in a worker); this page stays usable meanwhile.
  // Announced to a screen reader only for the rebuild the user asked for: the
  // line itself changes after every join, split or delete, which is no news.
  const [announce, setAnnounce] = useState('');
  const rebuild = async () => {
    if (!refreshViews) return;
    setRebuilding(true);
    setAnnounce('Rebuilding the merged library…');
    let done = false;
    try {
      await refreshViews({ changed: true });
      done = true;
    } finally {
      setRebuilding(false);
      refresh();
      const meta = await data.viewsMeta?.().catch(() => undefined);
      setAnnounce(done ? `Rebuilt. ${rebuildLine(meta)}` : 'The rebuild did not finish.');
    }
  };
  useEffect(() => {
    void loadStorageEstimate(data).then(setEst);
  }, [data, lib]);
  const mb = (n?: number) => (n === undefined ? '—' : `${(n / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} MB`);
  return (
    <section class="panel" aria-labelledby="storage-title">
      <h2 id="storage-title">Storage</h2>
      <p class="storage-used">
        {est ? `${mb(est.usage)} used${est.quota ? ` of ${mb(est.quota)} available` : ''}` : 'Measuring…'} · {lib.records.length} pages · {decisionsOf(lib.decisions).length} decisions
      </p>
      {refreshViews && (
        <p>
          <button type="button" class="chip-button rebuild" onClick={rebuild} disabled={rebuilding} aria-busy={rebuilding}>
            Rebuild the merged library
          </button>{' '}
          <span class="muted small rebuild-status">{rebuilding ? 'Updating… (everything stays usable meanwhile)' : rebuildLine(built)}</span>
          <span class="visually-hidden" role="status">
            {announce}
          </span>{' '}
          <span class="muted small">Merges every saved page again under your decisions (done on its own after each change).</span>
        </p>
      )}
      <EraseButton lib={lib} data={data} ask={ask} />
    </section>
  );
}

/** When the kept views were last built, and, when the worker could not merge them, why they were merged in the background. */
export function rebuildLine(meta: ViewsMeta | undefined): string {
  if (!meta?.builtAt) return 'Not built yet.';
  const at = new Date(meta.builtAt);
  const when = Number.isNaN(at.getTime()) ? meta.builtAt : at.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
  const how = meta.merged ? ` in ${(meta.merged.ms / 1000).toLocaleString('en', { maximumFractionDigits: 1 })} s` : '';
  const where = meta.merged?.in === 'background' ? ` (merged in the background: ${meta.merged.why ?? 'no worker'})` : '';
  return `Last built ${when}${how}${where}.`;
}

function EraseButton({ lib, data, ask }: { lib: Library; data: DashboardData; ask(r: ConfirmRequest): void }) {
  return (
    <button
      type="button"
      class="danger"
      onClick={() =>
        ask({
          title: 'Erase everything?',
          body: `All ${lib.records.length} saved pages, your decisions and settings will be deleted from this browser. Export a backup first if you may want them back.`,
          action: 'Erase everything',
          run: () => data.eraseAll(),
        })
      }
    >
      Erase everything…
    </button>
  );
}
