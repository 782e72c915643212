// The works of a person the user is asked to check: those only one site lists
// that share nothing with their other works (possibly a namesake's), with
// "It's theirs" / "Not theirs", and the note of works already removed, each
// with an undo. Shared by the popup and the dashboard; both store the
// decision and merge again.
import { DataLink } from './data';
import type { MergedPerson, LightWork, UserDecision } from '../../core/merge/types';
import { confirmWork, removeWork } from '../model/new-decisions';
import { removedNote, type FlagView } from '../model/work-checks';

interface Props {
  person: MergedPerson;
  flagged: readonly FlagView[];
  removed: readonly LightWork[];
  decide(d: UserDecision): unknown;
  /** The decision's time (an ISO date-time). */
  at(): string;
}

const facts = (w: LightWork) => [w.venue, w.year].filter((x) => x !== undefined && x !== '').join(' · ');

export function WorkChecks({ person, flagged, removed, decide, at }: Props) {
  const note = removedNote(removed.length);
  if (!flagged.length && !note) return null;
  return (
    <section class="work-checks" aria-labelledby="checks-title">
      <h2 id="checks-title">Works to check</h2>
      {flagged.length > 0 && (
        <ul class="flagged">
          {flagged.map((f) => {
            const title = f.work.title ?? '(untitled)';
            return (
              <li>
                <span class="title" dir="auto">
                  <DataLink url={f.work.url}>{title}</DataLink>
                </span>
                {facts(f.work) && (
                  <span class="meta muted small" dir="auto">
                    {facts(f.work)}
                  </span>
                )}
                <span class="flag-text small">{f.text}</span>
                <span class="actions">
                  <button type="button" class="chip-button" aria-label={`It's theirs: ${title}`} onClick={() => decide(confirmWork(person, f.work.id, at()))}>
                    It's theirs
                  </button>
                  <button type="button" class="chip-button" aria-label={`Not theirs: ${title}`} onClick={() => decide(removeWork(person, f.work.id, at()))}>
                    Not theirs
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {note && (
        <details class="removed-works small">
          <summary>{note}</summary>
          <ul>
            {removed.map((w) => {
              const title = w.title ?? '(untitled)';
              return (
                <li>
                  <span dir="auto">{title}</span>{' '}
                  <button type="button" class="link" aria-label={`Undo removing: ${title}`} onClick={() => decide(confirmWork(person, w.id, at()))}>
                    Undo
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
    </section>
  );
}
