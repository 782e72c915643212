// The popup: what Scholar Lens made of the tab, loaded by loadPopup (load.ts)
// and rendered by the components beside this one.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { UserDecision } from '../../core/merge/types';
import { loadPopup, offersListReading, type PopupState } from './load';
import { AutoOffNotice, EmptyState, LoadingState } from './Notices';
import type { PopupData } from './popup-data';
import { ReadThisPage } from './ReadThisPage';
import { SaveThisPage } from './SaveThisPage';
import { StatusView } from './StatusView';
import { siteReaderFailed } from '../labels';
import { Recovery } from './Recovery';
import { popupMark } from './marks';
import { onlyWhole, provenanceFromStore, ProvenanceContext } from '../components/provenance';

export type { PopupData } from './popup-data';

const MAX_REFRESHES = 3;

export function Popup({ data }: { data: PopupData }) {
  const [{ view: state, pageUrl, autoOff }, setLoaded] = useState<PopupState>({ view: { phase: 'loading' } });
  const [saving, setSaving] = useState(false);
  const [reload, setReload] = useState(0);
  // A kept view older than the page is shown at once, and the background asked to bring it up to date;
  // a few times at most, so a build that keeps failing cannot make the popup loop.
  const refreshes = useRef(0);
  // The kept view's works are light: an export or a copied citation reads their captures then.
  const provenance = useMemo(() => (data.captures ? provenanceFromStore(data.captures) : onlyWhole), [data]);
  // Started as soon as the popup is in the DOM, not after its first frame (as useEffect would).
  useLayoutEffect(() => {
    let live = true;
    void loadPopup(data, { cancelled: () => !live }).then((loaded) => {
      if (!live || !loaded) return;
      popupMark('loaded');
      setLoaded(loaded);
      if (loaded.view.phase === 'status' && loaded.view.updating && refreshes.current < MAX_REFRESHES) {
        refreshes.current++;
        void data
          .refreshViews({ stale: true })
          .catch(() => undefined)
          .then(() => live && setReload((n) => n + 1));
      }
    });
    return () => {
      live = false;
    };
  }, [data, reload]);
  const setState = (view: PopupState['view']) => setLoaded((s) => ({ ...s, view }));
  // The first profile is drawn in two frames: the status line, the name and the figures, painted,
  // then the rest (chart, top works, checks, suggestions, export, the page's works). Later loads draw all at once.
  const [full, setFull] = useState(false);
  useEffect(() => {
    if (!full && state.phase === 'status') setFull(true);
  }, [full, state.phase]);

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
    <ProvenanceContext.Provider value={provenance}>
    <main class="popup" aria-busy={state.phase === 'loading' || (state.phase === 'status' && !full)}>
      <header class="bar">
        <span class="brand">Scholar Lens</span>
        <a class="small" href={data.dashboardUrl(state.phase === 'status' ? state.person?.id : undefined)} target="_blank" rel="noreferrer">
          Open dashboard
        </a>
      </header>
      {state.phase === 'loading' && <LoadingState />}
      {state.phase === 'error' &&
        (state.recover ? (
          <Recovery problem={state.message} data={data} onErased={() => setReload((n) => n + 1)} />
        ) : (
          <p class="status status--bad" role="alert">
            Something went wrong: <bdi>{state.message}</bdi>
          </p>
        ))}
      {unread && autoOff ? (
        <AutoOffNotice site={autoOff} saving={saving} onSave={save} dashboardUrl={data.dashboardUrl()} />
      ) : (
        <>
          {state.phase === 'empty' && <EmptyState />}
          {state.phase === 'status' && <StatusView state={state} data={data} decide={decide} reload={() => setReload((n) => n + 1)} full={full} />}
          {pageUrl && unread && <SaveThisPage url={pageUrl} saving={saving} onSave={save} enableSite={data.enableSite} />}
          {pageUrl?.startsWith('https:') && (state.phase === 'empty' || (state.phase === 'status' && offersListReading(state.status))) && (
            <ReadThisPage
              data={data}
              onSaved={() => setReload((n) => n + 1)}
              fallbackFor={state.phase === 'status' && siteReaderFailed(state.status) ? state.status.siteName : undefined}
            />
          )}
        </>
      )}
    </main>
    </ProvenanceContext.Provider>
  );
}
