// The merged profile of the person the tab's page belongs to: who they are,
// the headline figures, citations per year, top works, the works to check
// (flagged and removed), "possibly the same person" suggestions, and exports.
import { useMemo } from 'preact/hooks';
import type { MergedPerson, UserDecision } from '../../core/merge/types';
import type { ResultSlice } from '../../core/kept-views';
import { BarChart, yearSeries } from '../components/BarChart';
import { ExportButtons } from '../components/ExportButtons';
import { MetricsHeadline } from '../components/MetricsHeadline';
import { PersonHeader } from '../components/PersonHeader';
import { WorkChecks } from '../components/WorkChecks';
import { decisionsOf } from '../model/decision-records';
import { dismissSuggestion, linkPeople } from '../model/new-decisions';
import { openSuggestions, personView, reportInput, siteName, sourcesOf, topWorks, type PersonView } from '../model/person-view';
import { flaggedOf, flagTextById, marksOf, removedOf } from '../model/work-checks';
import type { Loaded } from './load';
import type { PopupData } from './popup-data';
import { WorkItem } from './WorkList';
import { Each } from '../components/data';

/** `full` false: the name and the figures only, what the popup's first frame shows (Popup.tsx). */
export function MergedProfile(props: { result: ResultSlice; person: MergedPerson; state: Loaded; data: PopupData; decide(d: UserDecision): Promise<void>; full?: boolean }) {
  const { result, person, state, data } = props;
  const notes = state.notes;
  const view: PersonView = useMemo(() => personView(result, person, data.currentYear, (k) => (Object.prototype.hasOwnProperty.call(notes, k) ? notes[k]! : [])), [result, person, data.currentYear, notes]);
  return (
    <>
      <PersonHeader person={person} detail="brief" />
      <MetricsHeadline view={view} />
      {props.full !== false && <ProfileRest {...props} view={view} />}
    </>
  );
}

/** Below the figures: drawn a frame after them when the popup opens. */
function ProfileRest(props: { result: ResultSlice; person: MergedPerson; state: Loaded; data: PopupData; decide(d: UserDecision): Promise<void>; view: PersonView }) {
  const { result, person, state, data, view } = props;
  const suggestions = openSuggestions(result, person, decisionsOf(state.decisions));
  const series = view.citationsByYear ? yearSeries(view.citationsByYear.byYear) : [];
  const top = topWorks(view.works, 10);
  const flagged = useMemo(() => flaggedOf(result, person, siteName), [result, person]);
  const flagTexts = flagTextById(flagged);
  const at = () => data.now().toISOString();
  return (
    <>
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
              meta={[w.venue, w.year, sourcesOf(w).map(siteName)]}
              citesTitle="Citations (highest recent count among its sources)"
              marks={marksOf(w, flagTexts)}
            />
          ))}
        </ol>
      </section>
      <WorkChecks person={person} flagged={flagged} removed={removedOf(result, person)} decide={props.decide} at={at} />
      {suggestions.length > 0 && (
        <section class="suggestions" aria-labelledby="suggest-title">
          <h2 id="suggest-title">Possibly the same person</h2>
          <ul>
            {suggestions.map((s) => (
              <li>
                <span dir="auto">{s.other.name}</span>{' '}
                <span class="muted small">
                  (<Each items={s.other.pages.map((p) => siteName(p.source))} />; {s.reason})
                </span>
                <div class="actions">
                  <button type="button" class="chip-button" onClick={() => props.decide(linkPeople(person, s.other, at()))}>
                    Same person
                  </button>
                  <button type="button" class="chip-button" onClick={() => props.decide(dismissSuggestion(person, s.other, at()))}>
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
          scope={{ works: view.works, personName: person.name, report: () => reportInput(view, at().slice(0, 10)) }}
          now={data.now}
        />
      </section>
    </>
  );
}
