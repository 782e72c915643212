import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Capture, Work } from '../../core/capture';
import type { MergedPerson, MergeResult } from '../../core/merge/types';
import type { TabStatus } from '../../shell/messages';
import type { CaptureRecord, DecisionRecord } from '../../store/schema';
import { BarChart, yearSeries } from '../components/BarChart';
import { ExportButtons } from '../components/ExportButtons';
import { MetricsHeadline } from '../components/MetricsHeadline';
import { PAGE_KIND_LABEL, statusLine } from '../labels';
import { decisionsOf } from '../model/decision-records';
import { mergeRecords, personForKey } from '../model/merged-library';
import { dismissSuggestion, linkPeople } from '../model/new-decisions';
import { openSuggestions, personView, reportInput, siteName, sourcesOf, topWorks, type PersonView } from '../model/person-view';
import type { UserDecision } from '../../core/merge/types';
import { CollectAll, type CollectAllData } from './CollectAll';
import { PENDING_RETRY_MS, PENDING_TRIES, statusFreshness } from './status-freshness';
import { ReadThisPage, type ReadThisPageData } from './ReadThisPage';

/** What the popup needs from the extension; injected so tests can render it with fixed data. */
export interface PopupData extends CollectAllData, ReadThisPageData {
  status(): Promise<TabStatus | null>;
  /** Every stored capture and decision: the merged profile needs them all. */
  library(): Promise<{ records: CaptureRecord[]; decisions: DecisionRecord[] }>;
  decide(d: UserDecision): Promise<void>;
  /** The tab's URL when it is a web page the user could ask to save. */
  pageUrl(): Promise<string | undefined>;
  /** Read the tab on request (activeTab); resolves when the tab has reported. */
  savePage(): Promise<void>;
  /** Ask for the host permission and read this site's pages automatically from now on. */
  enableSite(origin: string): Promise<boolean>;
  dashboardUrl(personId?: string): string;
  /** Is this URL on a host a site content script runs on (it will report on the page)? */
  onSupportedSite(url: URL): boolean;
  /** The site's name when the user turned automatic reading off for the site this URL belongs to. */
  autoOffSite(url: string): Promise<string | undefined>;
  currentYear: number;
  now(): Date;
}

interface Loaded {
  status: TabStatus;
  record?: CaptureRecord;
  result?: MergeResult;
  person?: MergedPerson;
  decisions: DecisionRecord[];
  records: CaptureRecord[];
}

type State = { phase: 'loading' } | { phase: 'empty' } | ({ phase: 'status' } & Loaded) | { phase: 'error'; message: string };

export function Popup({ data }: { data: PopupData }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [pageUrl, setPageUrl] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [autoOff, setAutoOff] = useState<string | undefined>();
  const [reload, setReload] = useState(0);
  const pendingTries = useRef(0);
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [status, url] = await Promise.all([data.status(), data.pageUrl()]);
        const off = url ? await data.autoOffSite(url) : undefined;
        if (!live) return;
        setPageUrl(url);
        setAutoOff(off);
        if (!status) return setState({ phase: 'empty' });
        // A single-page app moved on: never show the previous page's status as this one's (status-freshness.ts).
        const fresh = statusFreshness(status, url, data.onSupportedSite);
        if (fresh === 'pending' && pendingTries.current++ < PENDING_TRIES) return void setTimeout(() => live && setReload((n) => n + 1), PENDING_RETRY_MS);
        if (fresh !== 'current') return setState({ phase: 'empty' });
        const { records, decisions } = status.key ? await data.library() : { records: [], decisions: [] };
        const record = records.find((r) => r.key === status.key);
        let result: MergeResult | undefined;
        let person: MergedPerson | undefined;
        if (record && (record.pageKind === 'author' || record.pageKind === 'paper')) {
          result = mergeRecords(records, decisions);
          person = personForKey(result, record.key);
        }
        if (live) setState({ phase: 'status', status, record, result, person, decisions, records });
      } catch (err) {
        if (live) setState({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
      }
    })();
    return () => {
      live = false;
    };
  }, [data, reload]);

  async function save() {
    setSaving(true);
    try {
      await data.savePage();
    } catch (err) {
      setState({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
    } finally {
      setSaving(false);
      setReload((n) => n + 1);
    }
  }

  const unread = state.phase === 'empty' || (state.phase === 'status' && state.status.source === 'none');

  async function decide(d: UserDecision) {
    await data.decide(d);
    setReload((n) => n + 1);
  }

  return (
    <main class="popup" aria-busy={state.phase === 'loading'}>
      <header class="bar">
        <span class="brand">Scholar Lens</span>
        <a class="small" href={data.dashboardUrl(state.phase === 'status' ? state.person?.id : undefined)} target="_blank" rel="noreferrer">
          Open dashboard
        </a>
      </header>
      {state.phase === 'loading' && <LoadingState />}
      {state.phase === 'error' && (
        <p class="status status--bad" role="alert">
          Something went wrong: {state.message}
        </p>
      )}
      {unread && autoOff ? (
        <AutoOffNotice site={autoOff} saving={saving} onSave={save} dashboardUrl={data.dashboardUrl()} />
      ) : (
        <>
          {state.phase === 'empty' && <EmptyState />}
          {state.phase === 'status' && <StatusView state={state} data={data} decide={decide} reload={() => setReload((n) => n + 1)} />}
          {pageUrl && unread && <SaveThisPage url={pageUrl} saving={saving} onSave={save} enableSite={data.enableSite} />}
          {pageUrl && (state.phase === 'empty' || (state.phase === 'status' && offersListReading(state.status))) && (
            <ReadThisPage data={data} onSaved={() => setReload((n) => n + 1)} />
          )}
        </>
      )}
    </main>
  );
}

/** "Read this page" is offered wherever no site adapter read a list: unknown sites, unrecognized pages, earlier generic reads. */
function offersListReading(s: TabStatus): boolean {
  return s.source === 'none' || s.source === 'generic-list' || s.pageKind === 'unrecognized' || s.pageKind === 'blocked';
}

/** Holds the space the status line and person card will take, so nothing jumps when they arrive. */
function LoadingState() {
  return (
    <div class="loading" aria-hidden="false">
      <p class="status muted">Reading this tab…</p>
      <div class="placeholder placeholder--title" />
      <div class="placeholder placeholder--line" />
      <div class="placeholder placeholder--block" />
    </div>
  );
}

function EmptyState() {
  return (
    <section class="empty">
      <h1>Nothing recognized on this tab</h1>
      <p>
        Open a researcher's profile on Google Scholar, DBLP, ORCID, Semantic Scholar, arXiv or another supported site and
        Scholar Lens saves it as you browse. Open this popup again to see the profile and its metrics. On any other article
        page, "Save this page" reads its citation data; on a page that lists publications, "Read this page" finds them.
      </p>
      <p class="muted">Everything stays in your browser.</p>
    </section>
  );
}

/** A supported site the user turned off: say so, offer one reading, and where to turn it back on. */
function AutoOffNotice(props: { site: string; saving: boolean; onSave(): void; dashboardUrl: string }) {
  return (
    <section class="save" aria-label="Automatic reading is off">
      <p class="status status--warn" role="status">
        Automatic reading is off for {props.site}: this page was not read.
      </p>
      <button type="button" class="primary" onClick={props.onSave} disabled={props.saving}>
        {props.saving ? 'Reading this page…' : 'Save this page once'}
      </button>
      <p class="muted small">
        Turn it back on under “Sites” in the{' '}
        <a href={props.dashboardUrl} target="_blank" rel="noreferrer">
          dashboard
        </a>
        .
      </p>
    </section>
  );
}

function SaveThisPage(props: { url: string; saving: boolean; onSave(): void; enableSite(origin: string): Promise<boolean> }) {
  const origin = new URL(props.url).origin;
  const [enabled, setEnabled] = useState<boolean | undefined>();
  return (
    <section class="save" aria-label="Save this page">
      <button type="button" class="primary" onClick={props.onSave} disabled={props.saving}>
        {props.saving ? 'Reading this page…' : 'Save this page'}
      </button>
      <p class="muted small">Reads the article's embedded citation data on this page only, now. Nothing is sent anywhere.</p>
      <button type="button" class="link" onClick={async () => setEnabled(await props.enableSite(origin))}>
        Always read article pages on {new URL(props.url).host}
      </button>
      {enabled === true && <p class="small">Article pages on this site will be saved as you browse.</p>}
      {enabled === false && <p class="small">Permission was not granted; nothing changes.</p>}
    </section>
  );
}

function StatusView({ state, data, decide, reload }: { state: Loaded; data: PopupData; decide(d: UserDecision): Promise<void>; reload(): void }) {
  const { status, record, person, result } = state;
  const good = status.outcome === 'added' || status.outcome === 'updated';
  return (
    <>
      <p class={`status ${good ? 'status--ok' : status.pageKind === 'blocked' ? 'status--warn' : 'status--bad'}`} role="status">
        {statusLine(status)}
      </p>
      {record?.capture.notes?.length ? (
        <ul class="notes">
          {record.capture.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      ) : null}
      <CollectAll status={status} capture={record?.capture} data={data} onFinished={reload} />
      {person && result ? (
        <MergedProfile result={result} person={person} state={state} data={data} decide={decide} />
      ) : (
        record && <CaptureView capture={record.capture} />
      )}
      {record?.capture.works && record.capture.works.length > 0 && person && (
        <details class="works page-works">
          <summary>
            {record.capture.pageKind === 'paper' ? 'This paper as the page shows it' : `Works on this page (${record.capture.works.length.toLocaleString('en')})`}
          </summary>
          <WorkList works={record.capture.works} />
        </details>
      )}
    </>
  );
}

function MergedProfile(props: { result: MergeResult; person: MergedPerson; state: Loaded; data: PopupData; decide(d: UserDecision): Promise<void> }) {
  const { result, person, state, data } = props;
  const notes = useMemo(() => new Map(state.records.map((r) => [r.key, r.capture.notes ?? []])), [state.records]);
  const view: PersonView = useMemo(() => personView(result, person, data.currentYear, (k) => notes.get(k) ?? []), [result, person, data.currentYear, notes]);
  const suggestions = openSuggestions(result, person, decisionsOf(state.decisions));
  const series = view.citationsByYear ? yearSeries(view.citationsByYear.byYear) : [];
  const top = topWorks(view.works, 10);
  return (
    <>
      <section class="person" aria-labelledby="person-name">
        <h1 id="person-name" dir="auto">
          {person.name}
        </h1>
        {person.nameVariants.length > 1 && (
          <p class="variants small muted" dir="auto">
            Also seen as: {person.nameVariants.filter((v) => v !== person.name).join(' · ')}
          </p>
        )}
        {person.affiliation && (
          <p class="affiliation" dir="auto">
            {person.affiliation}
          </p>
        )}
        <ul class="sources small" aria-label="Pages this profile is built from">
          {person.pages.map((p) => (
            <li>
              <a href={p.url.startsWith('http') ? p.url : undefined} target="_blank" rel="noreferrer">
                {siteName(p.source)}
              </a>{' '}
              <span class="muted">captured {p.capturedAt.slice(0, 10)}</span>
            </li>
          ))}
        </ul>
      </section>
      <MetricsHeadline view={view} />
      <section class="chart-section" aria-labelledby="chart-title">
        <h2 id="chart-title">Citations per year</h2>
        {series.length ? (
          <BarChart data={series} label={`Citations per year, as ${view.citationsByYear!.site} states them`} />
        ) : (
          <p class="muted small chart-empty">No page of this person shows citations per year.</p>
        )}
      </section>
      <section class="top-works" aria-labelledby="top-title">
        <h2 id="top-title">Top works</h2>
        <ol>
          {top.map((w) => (
            <WorkItem
              work={w}
              meta={[w.venue, w.year, sourcesOf(w).map(siteName).join(', ')]}
              citesTitle="Citations (highest recent count among its sources)"
            />
          ))}
        </ol>
      </section>
      {suggestions.length > 0 && (
        <section class="suggestions" aria-labelledby="suggest-title">
          <h2 id="suggest-title">Possibly the same person</h2>
          <ul>
            {suggestions.map((s) => (
              <li>
                <span dir="auto">{s.other.name}</span>{' '}
                <span class="muted small">
                  ({s.other.pages.map((p) => siteName(p.source)).join(', ')}; {s.reason})
                </span>
                <div class="actions">
                  <button type="button" class="chip-button" onClick={() => props.decide(linkPeople(person, s.other, data.now().toISOString()))}>
                    Same person
                  </button>
                  <button type="button" class="chip-button" onClick={() => props.decide(dismissSuggestion(person, s.other, data.now().toISOString()))}>
                    Not the same
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section class="export" aria-labelledby="export-title">
        <h2 id="export-title">Export {view.works.length.toLocaleString('en')} works</h2>
        <ExportButtons
          scope={{ works: view.works, personName: person.name, report: () => reportInput(view, data.now().toISOString().slice(0, 10)) }}
          now={data.now}
        />
      </section>
    </>
  );
}

/** A stored page without a person (a list of works, a paper nobody's profile has). */
function CaptureView({ capture }: { capture: Capture }) {
  return (
    <>
      <p class="source muted small">
        <a href={capture.url} target="_blank" rel="noreferrer">
          {PAGE_KIND_LABEL[capture.pageKind]}
        </a>
      </p>
      {capture.works && capture.works.length > 0 && (
        <section class="works" aria-labelledby="works-title">
          <h2 id="works-title">{capture.pageKind === 'paper' ? 'Paper' : `Works (${capture.works.length.toLocaleString('en')})`}</h2>
          <WorkList works={capture.works} />
        </section>
      )}
    </>
  );
}

function WorkList({ works }: { works: Work[] }) {
  const shown = works.slice(0, 100);
  return (
    <>
      <ol>
        {shown.map((w) => (
          <WorkItem work={w} meta={[w.venue, w.year]} citesTitle="Citations the page states" />
        ))}
      </ol>
      {works.length > shown.length && <p class="muted small">and {works.length - shown.length} more</p>}
    </>
  );
}

/** One work in a list: its title (a link when it has one), a line of facts, its citation count. */
function WorkItem(props: { work: { title?: string; url?: string; citations?: number }; meta: (string | number | undefined)[]; citesTitle: string }) {
  const w = props.work;
  return (
    <li>
      <span class="title" dir="auto">
        {w.url ? (
          <a href={w.url} target="_blank" rel="noreferrer">
            {w.title ?? '(untitled)'}
          </a>
        ) : (
          (w.title ?? '(untitled)')
        )}
      </span>
      <span class="meta" dir="auto">
        {props.meta.filter((x) => x !== undefined && x !== '').join(' · ')}
      </span>
      {w.citations !== undefined && (
        <span class="cites" title={props.citesTitle}>
          {w.citations.toLocaleString('en')}
        </span>
      )}
    </li>
  );
}
