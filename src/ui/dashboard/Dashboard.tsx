// The dashboard: every person and work, a person's full page, curation,
// settings, import/export and storage. Data access is injected (DashboardData)
// so the component stays testable; load.ts loads, these components render, and
// writes reload the library and re-merge.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MergedPerson, UserDecision } from '../../core/merge/types';
import type { SiteSettings } from '../../shell/site-settings';
import type { CaptureRecord, DecisionRecord } from '../../store/schema';
import { ConfirmDialog, type ConfirmRequest } from '../components/ConfirmDialog';
import { ExportButtons } from '../components/ExportButtons';
import { downloadText } from '../components/download';
import { fileNameFor, FORMAT_INFO } from '../../formats';
import { decisionsOf } from '../model/decision-records';
import { siteName } from '../model/person-view';
import { foldQuery, matchesFolded } from '../model/search';
import { loadLibrary, loadSiteSettings, loadStorageEstimate, personIdOf, personNamed, type Library } from './load';
import { PersonPage } from './PersonPage';
import { WorksTable } from './WorksTable';

export interface DashboardData {
  library(): Promise<{ records: CaptureRecord[]; decisions: DecisionRecord[] }>;
  decide(ds: UserDecision[]): Promise<void>;
  deleteCapture(key: string): Promise<void>;
  deletePerson(person: MergedPerson): Promise<void>;
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

export function Dashboard({ data }: { data: DashboardData }) {
  const [lib, setLib] = useState<Library | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [reload, setReload] = useState(0);
  const [personId, setPersonId] = useState(hashPerson());
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  useEffect(() => {
    const on = () => setPersonId(hashPerson());
    addEventListener('hashchange', on);
    return () => removeEventListener('hashchange', on);
  }, []);
  useEffect(() => {
    let live = true;
    loadLibrary(data)
      .then((l) => live && setLib(l))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [data, reload]);
  const refresh = () => setReload((n) => n + 1);
  const ask = (r: ConfirmRequest) => setConfirm({ ...r, run: async () => { await r.run(); refresh(); } });
  const person = lib && personId ? personNamed(lib, personId) : undefined;

  return (
    <div class="dashboard" aria-busy={!lib}>
      <header class="topbar">
        <a href="#" class="brand">
          Scholar Lens
        </a>
        <span class="muted small">{lib ? `${lib.result.people.length} people · ${lib.result.works.length} works · ${lib.records.length} pages` : 'Loading…'}</span>
      </header>
      {error && (
        <p class="status status--bad" role="alert">
          Something went wrong: {error}
        </p>
      )}
      <main id="main">
        {!lib ? (
          <div class="placeholder placeholder--block" />
        ) : person ? (
          <PersonPage
            lib={lib}
            person={person}
            data={data}
            decide={async (ds) => {
              await data.decide(ds);
              refresh();
            }}
            ask={ask}
            refresh={refresh}
          />
        ) : personId ? (
          <p>
            This person is no longer in the library. <a href="#">Back to everyone</a>
          </p>
        ) : (
          <Home lib={lib} data={data} ask={ask} refresh={refresh} />
        )}
      </main>
      <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
    </div>
  );
}

function Home({ lib, data, ask, refresh }: { lib: Library; data: DashboardData; ask(r: ConfirmRequest): void; refresh(): void }) {
  const [q, setQ] = useState('');
  const people = useMemo(() => {
    const needle = foldQuery(q);
    return lib.result.people
      .filter((p) => matchesFolded(needle, p.name, ...p.nameVariants, p.affiliation))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [lib, q]);
  if (!lib.records.length)
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
            <li>
              <a href={`#person=${encodeURIComponent(p.id)}`} dir="auto">
                {p.name}
              </a>{' '}
              <span class="muted small" dir="auto">
                {[p.affiliation, `${p.workIds.length} works`, [...new Set(p.pages.map((pg) => siteName(pg.source)))].join(', ')].filter(Boolean).join(' · ')}
              </span>
              {p.suggestions.length > 0 && <span class="badge">possible duplicate</span>}
            </li>
          ))}
        </ul>
        {people.length === 0 && <p class="muted">No person matches.</p>}
      </section>
      <section class="panel" aria-labelledby="works-title">
        <h2 id="works-title">All works</h2>
        <WorksTable works={lib.result.works} data={data} />
      </section>
      <Tools lib={lib} data={data} ask={ask} refresh={refresh} />
    </>
  );
}

function Tools({ lib, data, ask, refresh }: { lib: Library; data: DashboardData; ask(r: ConfirmRequest): void; refresh(): void }) {
  return (
    <>
      <section class="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export everything</h2>
        <ExportButtons scope={{ works: lib.result.works }} now={data.now} label="Export every work" />
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
      <StoragePanel data={data} lib={lib} ask={ask} />
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
          {msg.message}
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

function StoragePanel({ data, lib, ask }: { data: DashboardData; lib: Library; ask(r: ConfirmRequest): void }) {
  const [est, setEst] = useState<{ usage?: number; quota?: number } | undefined>();
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
    </section>
  );
}
