import { useEffect, useState } from 'preact/hooks';
import type { Capture, Work } from '../../core/capture';
import type { TabStatus } from '../../shell/messages';
import type { CaptureRecord } from '../../store/schema';
import { computeHeadline, type Headline } from '../headline';
import { PAGE_KIND_LABEL, statusLine } from '../labels';

/** What the popup needs from the extension; injected so tests can render it with fixed data. */
export interface PopupData {
  status(): Promise<TabStatus | null>;
  record(key: string): Promise<CaptureRecord | undefined>;
  /** The tab's URL when it is a web page the user could ask to save. */
  pageUrl(): Promise<string | undefined>;
  /** Read the tab on request (activeTab); resolves when the tab has reported. */
  savePage(): Promise<void>;
  /** Ask for the host permission and read this site's pages automatically from now on. */
  enableSite(origin: string): Promise<boolean>;
  currentYear: number;
}

type State =
  | { phase: 'loading' }
  | { phase: 'empty' }
  | { phase: 'status'; status: TabStatus; record?: CaptureRecord }
  | { phase: 'error'; message: string };

export function Popup({ data }: { data: PopupData }) {
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [pageUrl, setPageUrl] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [status, url] = await Promise.all([data.status(), data.pageUrl()]);
        if (!live) return;
        setPageUrl(url);
        if (!status) return setState({ phase: 'empty' });
        const record = status.key ? await data.record(status.key) : undefined;
        if (live) setState({ phase: 'status', status, record });
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

  return (
    <main class="popup" aria-busy={state.phase === 'loading'}>
      <header class="bar">
        <span class="brand">Scholar Lens</span>
      </header>
      {state.phase === 'loading' && <p class="status muted">Reading this tab…</p>}
      {state.phase === 'error' && (
        <p class="status status--bad" role="alert">
          Something went wrong: {state.message}
        </p>
      )}
      {state.phase === 'empty' && <EmptyState />}
      {state.phase === 'status' && <StatusView status={state.status} record={state.record} currentYear={data.currentYear} />}
      {pageUrl && (state.phase === 'empty' || (state.phase === 'status' && state.status.source === 'none')) && (
        <SaveThisPage url={pageUrl} saving={saving} onSave={save} enableSite={data.enableSite} />
      )}
    </main>
  );
}

function EmptyState() {
  return (
    <section class="empty">
      <h1>Nothing recognized on this tab</h1>
      <p>
        Open a researcher's profile on Google Scholar, DBLP, ORCID, Semantic Scholar, arXiv or another supported site and
        Scholar Lens saves it as you browse. Open this popup again to see the profile and its metrics. On any other article
        page, "Save this page" reads its citation data.
      </p>
      <p class="muted">Everything stays in your browser.</p>
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
      <p class="muted small">
        Reads the article's embedded citation data on this page only, now. Nothing is sent anywhere.
      </p>
      <button type="button" class="link" onClick={async () => setEnabled(await props.enableSite(origin))}>
        Always read article pages on {new URL(props.url).host}
      </button>
      {enabled === true && <p class="small">Article pages on this site will be saved as you browse.</p>}
      {enabled === false && <p class="small">Permission was not granted; nothing changes.</p>}
    </section>
  );
}

function StatusView({ status, record, currentYear }: { status: TabStatus; record?: CaptureRecord; currentYear: number }) {
  const good = status.outcome === 'added' || status.outcome === 'updated';
  return (
    <>
      <p class={`status ${good ? 'status--ok' : status.pageKind === 'blocked' ? 'status--warn' : 'status--bad'}`} role="status">
        {statusLine(status)}
      </p>
      {record && <CaptureView record={record} currentYear={currentYear} />}
    </>
  );
}

function CaptureView({ record, currentYear }: { record: CaptureRecord; currentYear: number }) {
  const c = record.capture;
  const headline = computeHeadline(c, currentYear);
  return (
    <>
      {c.notes?.length ? (
        <ul class="notes">
          {c.notes.map((n) => (
            <li>{n}</li>
          ))}
        </ul>
      ) : null}
      {c.person && <PersonCard capture={c} record={record} />}
      {c.pageKind === 'author' && <MetricsTable capture={c} headline={headline} />}
      {c.works && c.works.length > 0 && <WorkList works={c.works} kind={c.pageKind} />}
    </>
  );
}

function PersonCard({ capture, record }: { capture: Capture; record: CaptureRecord }) {
  const p = capture.person!;
  return (
    <section class="person" aria-labelledby="person-name">
      <h1 id="person-name" dir="auto">
        {p.name}
      </h1>
      {p.affiliation && (
        <p class="affiliation" dir="auto">
          {p.affiliation}
        </p>
      )}
      {p.interests?.length ? (
        <ul class="chips" aria-label="Research interests">
          {p.interests.map((i) => (
            <li dir="auto">{i}</li>
          ))}
        </ul>
      ) : null}
      <p class="source muted">
        <a href={capture.url} target="_blank" rel="noreferrer">
          {PAGE_KIND_LABEL[capture.pageKind]}
        </a>{' '}
        · first saved {formatDate(record.firstSeen)}, last {formatDate(record.lastSeen)}
        {p.homepage && (
          <>
            {' · '}
            <a href={p.homepage} target="_blank" rel="noreferrer">
              homepage
            </a>
          </>
        )}
      </p>
    </section>
  );
}

function MetricsTable({ capture, headline }: { capture: Capture; headline: Headline }) {
  const m = capture.person?.metrics ?? {};
  const since = m.sinceYear;
  const rows: [string, number | undefined, number | undefined, number][] = [
    ['Citations', m.citations, m.citationsSince, headline.citations],
    ['h-index', m.hIndex, m.hIndexSince, headline.hIndex],
    ['i10-index', m.i10Index, m.i10IndexSince, headline.i10Index],
  ];
  return (
    <section class="metrics" aria-labelledby="metrics-title">
      <h2 id="metrics-title">Metrics</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">Page states</th>
            {since !== undefined && <th scope="col">Since {since}</th>}
            <th scope="col">Computed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, all, sinceValue, computed]) => (
            <tr>
              <th scope="row">{label}</th>
              <td>{fmt(all)}</td>
              {since !== undefined && <td>{fmt(sinceValue)}</td>}
              <td class={all !== undefined && all !== computed ? 'differs' : undefined}>{fmt(computed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted small">Computed from the {headline.papers.toLocaleString('en')} saved works.</p>
    </section>
  );
}

function WorkList({ works, kind }: { works: Work[]; kind: Capture['pageKind'] }) {
  const shown = works.slice(0, 100);
  return (
    <section class="works" aria-labelledby="works-title">
      <h2 id="works-title">{kind === 'paper' ? 'Paper' : `Works (${works.length.toLocaleString('en')})`}</h2>
      <ol>
        {shown.map((w) => (
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
              {[w.venue, w.year].filter((x) => x !== undefined).join(' · ')}
            </span>
            {w.citations !== undefined && <span class="cites" title="Citations the page states">{w.citations}</span>}
          </li>
        ))}
      </ol>
      {works.length > shown.length && <p class="muted small">and {works.length - shown.length} more</p>}
    </section>
  );
}

const fmt = (n: number | undefined) => (n === undefined ? '—' : n.toLocaleString('en'));
const formatDate = (iso: string) => iso.slice(0, 10);
