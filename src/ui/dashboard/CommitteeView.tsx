// The committee view: everyone in one table with their key figures side by
// side, sorted by any column either way, filtered by name and site, a few
// people picked to compare year by year, and the table as CSV. The table
// model is src/ui/model/committee.ts; this renders it. Only the rows on
// screen are rendered (rowWindow), so 300 people scroll like 30.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { downloadText } from '../components/download';
import { SeriesBarChart } from '../components/SeriesBarChart';
import {
  cellText,
  COMMITTEE_COLUMNS,
  committeeCsv,
  compareSeries,
  filterRows,
  libraryRows,
  MAX_COMPARED,
  nextSort,
  rowWindow,
  sitesOf,
  sortRows,
  type CommitteeRow,
  type SortState,
} from '../model/committee';
import { siteName } from '../model/person-view';
import type { DashboardData } from './Dashboard';
import type { Library } from './load';
import './committee.css';

/** Must match `.committee tbody tr` height in committee.css. */
export const ROW_HEIGHT = 34;
const VIEWPORT_DEFAULT = 480;

export function CommitteeView({ lib, data }: { lib: Library; data: Pick<DashboardData, 'currentYear' | 'now'> }) {
  const rows = useMemo(() => libraryRows(lib.result, data.currentYear, siteName), [lib.result, data.currentYear]);
  const sites = useMemo(() => sitesOf(rows, siteName), [rows]);
  const [sort, setSort] = useState<SortState>({ key: 'citations', dir: 'desc' });
  const [text, setText] = useState('');
  const [site, setSite] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const shown = useMemo(() => sortRows(filterRows(rows, { text, site }), sort), [rows, text, site, sort]);

  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(VIEWPORT_DEFAULT);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || VIEWPORT_DEFAULT);
    measure();
    const win = el.ownerDocument.defaultView;
    win?.addEventListener('resize', measure);
    return () => win?.removeEventListener('resize', measure);
  }, []);
  // A new filter or sort starts at the top, where the reader looks.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0;
    setScrollTop(0);
  }, [text, site, sort]);
  const win = rowWindow({ total: shown.length, rowHeight: ROW_HEIGHT, scrollTop, viewport });

  const compared = useMemo(() => {
    const people = picked.map((id) => rows.find((r) => r.id === id)?.person).filter((p) => p !== undefined);
    return people.length ? compareSeries(lib.result, people, data.currentYear) : undefined;
  }, [picked, rows, lib.result, data.currentYear]);
  const toggle = (r: CommitteeRow) => setPicked((p) => (p.includes(r.id) ? p.filter((id) => id !== r.id) : p.length >= MAX_COMPARED ? p : [...p, r.id]));
  const day = data.now().toISOString().slice(0, 10);

  return (
    <div class="committee-page">
      <p>
        <a href="#">← Everyone</a>
      </p>
      <section class="panel committee" aria-labelledby="committee-title">
        <h1 id="committee-title">Committee view</h1>
        <p class="small muted">
          Everyone's figures computed from their merged works. <em>unknown</em>: none of the person's works gives what the figure needs (DBLP and ORCID pages give no citation
          counts), so it is not 0. Hover a heading for its definition.
        </p>
        <div class="row">
          <label class="field">
            <span>Filter by name</span>
            <input type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} placeholder="Name or affiliation" />
          </label>
          <label class="field">
            <span>Site</span>
            <select value={site} onChange={(e) => setSite(e.currentTarget.value)}>
              <option value="">Every site</option>
              {sites.map((s) => (
                <option value={s.id}>{s.name}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            class="chip-button"
            data-format="committee-csv"
            disabled={!shown.length}
            onClick={() => downloadText(committeeCsv(shown), `scholar-lens-committee-${day}.csv`, 'text/csv; charset=utf-8')}
          >
            Export this table (CSV)
          </button>
        </div>
        <p class="small muted" role="status">
          {shown.length === rows.length ? `${rows.length} people` : `${shown.length} of ${rows.length} people`}
          {picked.length > 0 && ` · ${picked.length} picked to compare`}
        </p>
        <div class="committee-scroll" ref={scroller} tabIndex={0} aria-label="Committee table, scrollable" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
          <table aria-rowcount={shown.length + 1}>
            <thead>
              <tr aria-rowindex={1}>
                <th scope="col">
                  <span class="visually-hidden">Compare</span>
                </th>
                {COMMITTEE_COLUMNS.map((c) => (
                  <th scope="col" class={c.numeric ? 'num' : undefined} aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined} title={c.title}>
                    <button type="button" class="sort-head" data-column={c.key} onClick={() => setSort(nextSort(sort, c.key))}>
                      {c.label}
                      {sort.key === c.key ? (sort.dir === 'asc' ? ' ▴' : ' ▾') : ''}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {win.before > 0 && (
                <tr class="spacer" aria-hidden="true" style={{ height: `${win.before}px` }}>
                  <td colSpan={COMMITTEE_COLUMNS.length + 1} />
                </tr>
              )}
              {shown.slice(win.start, win.end).map((r, i) => (
                <tr key={r.id} aria-rowindex={win.start + i + 2} data-person={r.id}>
                  <td>
                    <input
                      type="checkbox"
                      checked={picked.includes(r.id)}
                      disabled={!picked.includes(r.id) && picked.length >= MAX_COMPARED}
                      aria-label={`Compare ${r.name}`}
                      onChange={() => toggle(r)}
                    />
                  </td>
                  {COMMITTEE_COLUMNS.map((c) => {
                    if (c.key === 'name')
                      return (
                        <th scope="row" class="name">
                          <a href={`#person=${encodeURIComponent(r.id)}`} dir="auto" title={r.affiliation ? `${r.name} — ${r.affiliation}` : r.name}>
                            <bdi>{r.name}</bdi>
                          </a>
                          {r.flaggedIncluded > 0 && (
                            <span class="badge" title={`The figures include ${r.flaggedIncluded} work(s) flagged as possibly a namesake's`}>
                              {r.flaggedIncluded} flagged
                            </span>
                          )}
                        </th>
                      );
                    if (c.key === 'sites')
                      return (
                        <td class="sites" title={r.siteNames.join(', ')}>
                          {r.siteNames.join(', ')}
                        </td>
                      );
                    const v = r.values[c.key];
                    return (
                      <td class={`num${typeof v === 'number' ? '' : ' unknown'}`} data-column={c.key}>
                        {cellText(v)}
                      </td>
                    );
                  })}
                </tr>
              ))}
              {win.after > 0 && (
                <tr class="spacer" aria-hidden="true" style={{ height: `${win.after}px` }}>
                  <td colSpan={COMMITTEE_COLUMNS.length + 1} />
                </tr>
              )}
            </tbody>
          </table>
        </div>
        {shown.length === 0 && <p class="muted">No person matches.</p>}
      </section>
      <section class="panel" aria-labelledby="compare-title">
        <h2 id="compare-title">Compare</h2>
        {!compared ? (
          <p class="muted small">Tick up to {MAX_COMPARED} people in the table to see their citations and papers per year side by side.</p>
        ) : (
          <>
            <p class="row">
              {picked.map((id) => {
                const r = rows.find((x) => x.id === id);
                return r ? (
                  <button type="button" class="chip-button" onClick={() => toggle(r)} aria-label={`Stop comparing ${r.name}`}>
                    <bdi>{r.name}</bdi> ✕
                  </button>
                ) : null;
              })}
            </p>
            <div class="chart-grid">
              <div>
                <h3>Citations per year</h3>
                <SeriesBarChart labels={compared.citations.years} series={compared.citations.series} label="As each person's most recently captured page with a yearly chart states them" />
                {compared.citationSources.some((s) => !s.site) && (
                  <p class="muted small">
                    No page states citations per year for {compared.citationSources.filter((s) => !s.site).map((s) => s.name).join(', ')}.
                  </p>
                )}
              </div>
              <div>
                <h3>Papers per year</h3>
                <SeriesBarChart labels={compared.papers.years} series={compared.papers.series} label="Merged works by year" />
              </div>
            </div>
          </>
        )}
      </section>
    </div>
  );
}
