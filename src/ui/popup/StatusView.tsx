// The tab's status line and what was stored from the page: the merged
// profile when the page belongs to a person, the page's own works otherwise.
import type { Capture } from '../../core/capture';
import { useEffect, useState } from 'preact/hooks';
import type { LightWork, UserDecision } from '../../core/merge/types';
import type { WorkRecord as WorkRecordView } from '../components/WorkRecord';
import { PAGE_KIND_LABEL, statusLine } from '../labels';
import { CollectAll } from './CollectAll';
import type { Loaded } from './load';
import { MergedProfile } from './MergedProfile';
import type { PopupData } from './popup-data';
import { WorkList } from './WorkList';
import { DataLink } from '../components/data';
import { Recovery } from './Recovery';

/** `full` false: the first frame, the status, the name and the figures only (Popup.tsx); true, or left out: everything. */
export function StatusView({ state, data, decide, reload, full = true }: { state: Loaded; data: PopupData; decide(d: UserDecision): Promise<void>; reload(): void; full?: boolean }) {
  const { status, record, person, result } = state;
  const good = status.outcome === 'added' || status.outcome === 'updated';
  // A paper page: the merged work it belongs to, shown whole with Copy citation and its own export.
  const paper: LightWork | undefined =
    record?.capture.pageKind === 'paper' ? result?.works.find((w) => w.members.some((m) => m.captureKey === record.key)) : undefined;
  return (
    <>
      <p class={`status ${good ? 'status--ok' : status.pageKind === 'blocked' ? 'status--warn' : 'status--bad'}`} role="status">
        {/* The line may quote a note or a reason that holds page text. */}
        <bdi>{statusLine(status)}</bdi>
      </p>
      {record?.capture.notes?.length ? (
        <ul class="notes">
          {record.capture.notes.map((n) => (
            <li>
              <bdi>{n}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      {state.updating && !state.problem && (
        <p class="muted small updating" role="status">
          {person || paper ? 'Updating the merged profile with the latest pages…' : 'Merging the saved pages…'}
        </p>
      )}
      {state.problem && <Recovery problem={state.problem} data={data} onErased={reload} />}
      <CollectAll status={status} capture={record?.capture} data={data} onFinished={reload} />
      {paper && (
        <section class="paper-record" aria-labelledby="paper-title">
          <h2 id="paper-title">This paper</h2>
          <PaperRecord work={paper} now={data.now} />
        </section>
      )}
      {person && result ? (
        <MergedProfile result={result} person={person} state={state} data={data} decide={decide} full={full} />
      ) : (
        record && <CaptureView capture={record.capture} works={!paper} />
      )}
      {full && record?.capture.works && record.capture.works.length > 0 && person && (
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

/** A stored page without a person (a list of works, a paper nobody's profile has). */
function CaptureView({ capture, works }: { capture: Capture; works: boolean }) {
  return (
    <>
      <p class="source muted small">
        <DataLink url={capture.url}>{PAGE_KIND_LABEL[capture.pageKind]}</DataLink>
      </p>
      {works && capture.works && capture.works.length > 0 && (
        <section class="works" aria-labelledby="works-title">
          <h2 id="works-title">{capture.pageKind === 'paper' ? 'Paper' : `Works (${capture.works.length.toLocaleString('en')})`}</h2>
          <WorkList works={capture.works} />
        </section>
      )}
    </>
  );
}

/** The paper's record, loaded when a paper page is shown: the popup of an author page opens without it. */
function PaperRecord(props: { work: LightWork; now(): Date }) {
  const [View, setView] = useState<typeof WorkRecordView | undefined>();
  useEffect(() => {
    let live = true;
    void import('../components/WorkRecord').then((m) => live && setView(() => m.WorkRecord));
    return () => {
      live = false;
    };
  }, []);
  return View ? <View {...props} /> : <p class="placeholder placeholder--line" aria-hidden="true" />;
}
