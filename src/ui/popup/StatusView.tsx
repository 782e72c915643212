// The tab's status line and what was stored from the page: the merged
// profile when the page belongs to a person, the page's own works otherwise.
import type { Capture } from '../../core/capture';
import type { UserDecision } from '../../core/merge/types';
import { PAGE_KIND_LABEL, statusLine } from '../labels';
import { CollectAll } from './CollectAll';
import type { Loaded } from './load';
import { MergedProfile } from './MergedProfile';
import type { PopupData } from './popup-data';
import { WorkList } from './WorkList';
import { DataLink } from '../components/data';
import { Recovery } from './Recovery';

export function StatusView({ state, data, decide, reload }: { state: Loaded; data: PopupData; decide(d: UserDecision): Promise<void>; reload(): void }) {
  const { status, record, person, result } = state;
  const good = status.outcome === 'added' || status.outcome === 'updated';
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
      {state.problem && <Recovery problem={state.problem} data={data} onErased={reload} />}
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

/** A stored page without a person (a list of works, a paper nobody's profile has). */
function CaptureView({ capture }: { capture: Capture }) {
  return (
    <>
      <p class="source muted small">
        <DataLink url={capture.url}>{PAGE_KIND_LABEL[capture.pageKind]}</DataLink>
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
