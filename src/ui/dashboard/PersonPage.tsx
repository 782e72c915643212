// One person's page in the dashboard: the pages behind the profile and their
// curation, the works to check (flagged and removed), the full metrics panel,
// charts, and the works table.
import { compareText } from '../model/search';
import { useMemo, useState } from 'preact/hooks';
import type { MemberRef, MergedPerson, UserDecision } from '../../core/merge/types';
import { AGE_CONVENTION, citationCountsNote, METRIC_DEFINITIONS, type Metrics } from '../../core/metrics';
import { BarChart, yearSeries } from '../components/BarChart';
import type { ConfirmRequest } from '../components/ConfirmDialog';
import { ExportButtons } from '../components/ExportButtons';
import { HBars } from '../components/HBars';
import { PersonHeader } from '../components/PersonHeader';
import { WorkChecks } from '../components/WorkChecks';
import { MetricsHeadline, MetricValue } from '../components/MetricsHeadline';
import { decisionsOf } from '../model/decision-records';
import { dismissSuggestion, linkPeople, unlinkPage } from '../model/new-decisions';
import { openSuggestions, personView, reportInput, siteName } from '../model/person-view';
import { flaggedOf, flagTextById, removedOf } from '../model/work-checks';
import type { DashboardData } from './Dashboard';
import type { Library } from './load';
import { ownTitles, WorksTable } from './WorksTable';
import { isolated } from '../components/data';

interface Props {
  lib: Library;
  person: MergedPerson;
  data: DashboardData;
  decide(ds: UserDecision[]): Promise<void>;
  ask(r: ConfirmRequest): void;
  refresh(): void;
}

export function PersonPage({ lib, person, data, decide, ask }: Props) {
  const notes = useMemo(() => new Map(lib.records.map((r) => [r.key, r.capture.notes ?? []])), [lib.records]);
  const titleOf = useMemo(() => ownTitles(lib.records), [lib.records]);
  const view = useMemo(() => personView(lib.result, person, data.currentYear, (k) => notes.get(k) ?? []), [lib.result, person, data.currentYear, notes]);
  const suggestions = openSuggestions(lib.result, person, decisionsOf(lib.decisions));
  const flagged = useMemo(() => flaggedOf(lib.result, person, siteName), [lib.result, person]);
  const flagTexts = useMemo(() => flagTextById(flagged), [flagged]);
  const [linkTo, setLinkTo] = useState('');
  const others = lib.result.people.filter((p) => p.id !== person.id).sort((a, b) => compareText(a.name, b.name));
  const at = () => data.now().toISOString();
  const papersPerYear = useMemo(() => {
    const by: Record<string, number> = {};
    for (const w of view.works) if (w.year) by[String(w.year)] = (by[String(w.year)] ?? 0) + 1;
    return yearSeries(by);
  }, [view.works]);
  return (
    <>
      <p>
        <a href="#">← Everyone</a>
      </p>
      <PersonHeader
        person={person}
        detail="full"
        pageActions={(p) => (
          <>
            {person.pages.length > 1 && (
              <button type="button" class="chip-button" onClick={() => decide(unlinkPage(person, p.captureKey, at()))}>
                Unlink from this person
              </button>
            )}{' '}
            <button
              type="button"
              class="danger"
              onClick={() =>
                ask({
                  title: 'Delete this page?',
                  body: (
                    <>
                      The saved <bdi>{siteName(p.source)}</bdi> page of <bdi>{p.name}</bdi> will be deleted. Visiting it again saves it again.
                    </>
                  ),
                  action: 'Delete page',
                  run: () => data.deleteCapture(p.captureKey),
                })
              }
            >
              Delete page…
            </button>
          </>
        )}
      >
        {suggestions.length > 0 && (
          <div class="suggestions">
            <h2>Possibly the same person</h2>
            <ul>
              {suggestions.map((s) => (
                <li>
                  <a href={`#person=${encodeURIComponent(s.other.id)}`} dir="auto">
                    {s.other.name}
                  </a>{' '}
                  <span class="muted small">({s.reason})</span>{' '}
                  <button type="button" class="chip-button" onClick={() => decide([linkPeople(person, s.other, at())])}>
                    Same person
                  </button>{' '}
                  <button type="button" class="chip-button" onClick={() => decide([dismissSuggestion(person, s.other, at())])}>
                    Not the same
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        <WorkChecks person={person} flagged={flagged} removed={removedOf(lib.result, person)} decide={(d) => decide([d])} at={at} />
        <div class="row">
          <label class="field">
            <span>Link with another person</span>
            <select value={linkTo} onChange={(e) => setLinkTo(e.currentTarget.value)}>
              <option value="">Choose…</option>
              {others.map((o) => (
                <option value={o.id}>{`${isolated(o.name)} (${[...new Set(o.pages.map((p) => isolated(siteName(p.source))))].join(', ')})`}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="chip-button"
            disabled={!linkTo}
            onClick={() => {
              const other = others.find((o) => o.id === linkTo);
              if (other) void decide([linkPeople(person, other, at())]);
              setLinkTo('');
            }}
          >
            Link
          </button>
          <button
            type="button"
            class="danger"
            onClick={() =>
              ask({
                title: (
                  <>
                    Delete <bdi>{person.name}</bdi>?
                  </>
                ),
                body: `The ${person.pages.length} saved page(s) this profile is built from will be deleted. Works also seen on other pages stay.`,
                action: 'Delete person',
                run: async () => {
                  const patch = await data.deletePerson(person);
                  location.hash = '';
                  return patch;
                },
              })
            }
          >
            Delete person…
          </button>
        </div>
        <h2>Export</h2>
        <ExportButtons scope={{ works: view.works, personName: person.name, report: () => reportInput(view, at().slice(0, 10)) }} now={data.now} label={`Export ${person.name}'s works`} />
      </PersonHeader>
      <section class="panel">
        <MetricsHeadline view={view} />
        <FullMetrics metrics={view.metrics} />
      </section>
      <section class="panel charts" aria-labelledby="charts-title">
        <h2 id="charts-title">Charts</h2>
        <div class="chart-grid">
          <div>
            <h3>Citations per year</h3>
            {view.citationsByYear ? (
              <BarChart data={yearSeries(view.citationsByYear.byYear)} label={`As ${view.citationsByYear.site} states them`} />
            ) : (
              <p class="muted small">No page of this person shows citations per year.</p>
            )}
          </div>
          <div>
            <h3>Papers per year</h3>
            <BarChart data={papersPerYear} label="Merged works by year" />
          </div>
          <div>
            <h3>Co-authors</h3>
            <HBars data={view.metrics.coAuthors.slice(0, 10).map((c) => [c.name, c.sharedWorks])} label="Shared works with the ten most frequent co-authors" />
          </div>
        </div>
      </section>
      <section class="panel" aria-labelledby="pworks-title">
        <h2 id="pworks-title">Works ({view.works.length})</h2>
        <WorksTable works={view.works} data={data} personName={person.name} decide={decide} titleOf={titleOf} flagTexts={flagTexts} />
      </section>
    </>
  );
}

type Scalar = Exclude<keyof Metrics, 'coverage' | 'coAuthors' | 'venues' | 'citationsByYear'>;

export function FullMetrics({ metrics }: { metrics: Metrics }) {
  const keys = (Object.keys(METRIC_DEFINITIONS) as (keyof typeof METRIC_DEFINITIONS)[]).filter(
    (k): k is Scalar => k !== 'coAuthors' && k !== 'venues' && k !== 'citationsByYear',
  );
  return (
    <div class="full-metrics">
      <h2>All metrics</h2>
      <dl>
        {keys.map((k) => {
          const d = METRIC_DEFINITIONS[k];
          return (
            <div class="metric" title={`${d.definition} (${d.source})`}>
              <dt aria-describedby={`def-${k}`}>{d.label}</dt>
              <dd>
                <MetricValue metrics={metrics} k={k} />
                <span id={`def-${k}`} class="visually-hidden">
                  {d.definition}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
      <p class="small muted">
        Coverage: {metrics.coverage.worksWithoutYear} works without a year, {metrics.coverage.worksWithoutCitations} without a citation count,{' '}
        {metrics.coverage.worksWithTruncatedAuthors} with a cut author list.{citationCountsNote(metrics) ? ` Citation metrics: ${citationCountsNote(metrics)}.` : ''}
      </p>
      <p class="small muted age-convention">Ages: {AGE_CONVENTION}</p>
    </div>
  );
}
