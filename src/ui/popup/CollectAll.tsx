import { useEffect, useState } from 'preact/hooks';
import type { Capture } from '../../core/capture';
import type { CollectProgress } from '../../shell/collect-progress';
import type { Response, TabStatus } from '../../shell/messages';

/** What "Collect all" needs from the extension; optional in PopupData so other hosts of the popup need not provide it. */
export interface CollectAllData {
  status(): Promise<TabStatus | null>;
  /** Ask the tab's content script to start; it answers at once. */
  startCollectAll?(): Promise<Response<string>>;
  cancelCollectAll?(): Promise<Response<string>>;
}

/** How often the popup looks at the tab's progress while a run is going. */
const POLL_MS = 400;

/**
 * "Collect all N works" for an author page whose list is cut, then a progress
 * bar with the count and the time left, a Cancel button, and the outcome.
 * The run itself lives in the tab (src/shell/collect-all-in-page.ts), so
 * closing the popup does not stop it; reopening shows where it is.
 */
export function CollectAll(props: { status: TabStatus; capture?: Capture; data: CollectAllData; onFinished(): void }) {
  const { status, capture, data } = props;
  const [progress, setProgress] = useState<CollectProgress | undefined>(status.collect);
  // Set on click until the tab's first report of this run arrives.
  const [startedAt, setStartedAt] = useState<number | undefined>();
  const [error, setError] = useState<string | undefined>();
  const running = startedAt !== undefined || progress?.state === 'running';

  useEffect(() => {
    if (!running) return;
    let live = true;
    const timer = setInterval(async () => {
      const s = await data.status().catch(() => null);
      const p = s?.collect;
      if (!live || !p || (startedAt !== undefined && p.at < startedAt)) return;
      setStartedAt(undefined);
      setProgress(p);
      if (p.state !== 'running') props.onFinished();
    }, POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [running, startedAt, data]);

  // The background decided, with the site's adapter, whether this page's list can be collected.
  if (!data.startCollectAll) return null;
  const offer = !!status.collectOffer && !!capture && capture.pageKind === 'author';
  if (!offer && !progress && !running) return null;
  const total = status.collectOffer?.total;

  async function start() {
    setError(undefined);
    const at = Date.now();
    setStartedAt(at);
    const res = await data.startCollectAll!().catch((err: unknown) => ({ ok: false as const, error: err instanceof Error ? err.message : String(err) }));
    if (!res.ok) {
      setStartedAt(undefined);
      setError(res.error.includes('Receiving end does not exist') ? 'reload the page and try again (the page was open before Scholar Lens was installed or updated)' : res.error);
    }
  }

  async function cancel() {
    const res = await data.cancelCollectAll?.();
    if (res && !res.ok) setError(res.error);
  }

  return (
    <section class="collect" aria-label="Collect all works">
      {running ? (
        <Running progress={startedAt !== undefined ? undefined : progress} onCancel={cancel} />
      ) : (
        <>
          {progress && <Outcome progress={progress} />}
          {offer && (
            <>
              <button type="button" class="primary" onClick={start}>
                {total ? `Collect all ${total.toLocaleString('en')} works` : 'Collect all works'}
              </button>
              <p class="muted small">
                Reads the rest of this list from {new URL(status.url).host}, one page at a time with a pause between pages, as
                the page's own "Show more" does.
              </p>
            </>
          )}
        </>
      )}
      {error && (
        <p class="status status--bad" role="alert">
          Could not start: {error}
        </p>
      )}
    </section>
  );
}

function Running({ progress, onCancel }: { progress?: CollectProgress; onCancel(): void }) {
  const fraction = progress?.total ? Math.min(1, progress.works / progress.total) : undefined;
  return (
    <div class="collect-running">
      {/* No value means indeterminate: Google Scholar does not say how many works there are. */}
      <progress class="collect-bar" aria-label="Collecting works" max={1} {...(fraction !== undefined ? { value: fraction } : {})} />
      <p class="small" role="status">
        {progress
          ? `${progress.works.toLocaleString('en')}${progress.total ? ` of ${progress.total.toLocaleString('en')}` : ''} works · ${pages(progress.pages)} read · ${timeLeft(progress)}`
          : 'Starting…'}
      </p>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

function Outcome({ progress: p }: { progress: CollectProgress }) {
  if (p.state === 'complete')
    return (
      <p class="status status--ok" role="status">
        Collected all {p.works.toLocaleString('en')} works from {pages(p.pages)}.
      </p>
    );
  const kept = `${p.works.toLocaleString('en')} works from ${pages(p.pages)} are kept`;
  return (
    <p class={`status ${p.state === 'cancelled' ? 'status--warn' : 'status--bad'}`} role="alert">
      {p.state === 'cancelled' ? (
        `Cancelled. ${kept}.`
      ) : (
        <>
          Stopped: <bdi>{p.reason ?? 'the site did not answer as expected'}</bdi>. {kept}.
        </>
      )}
    </p>
  );
}

const pages = (n: number) => `${n} page${n === 1 ? '' : 's'}`;

function timeLeft(p: CollectProgress): string {
  if (p.etaMs === undefined) return 'time left unknown';
  const s = Math.max(1, Math.round(p.etaMs / 1000));
  const t = s < 90 ? `${s} s` : `${Math.round(s / 60)} min`;
  return p.etaAtLeast ? `at least ${t} left (the site does not say how many works there are)` : `about ${t} left`;
}
