// The works table: search, sort, filters (year, venue, source, version),
// each work's sources and versions, its marks (flagged, placed by abstract),
// selection for export and for joining.
//
// Windowed past 300 rows (a person's works are drawn whole): of a list of
// 22 000 works only the rows on screen (and a few
// around) are in the DOM, between two spacer rows standing for the rest
// (src/ui/model/row-window.ts); rows are measured once drawn, so an opened
// record makes its row taller without throwing the rest off. The table says
// how many rows it has (aria-rowcount) and which one each drawn row is
// (aria-rowindex), and the row holding the focus stays drawn while scrolled
// away. Rows are keyed by work and memoized: a join or split redraws the rows
// it changed.
import { memo } from 'preact/compat';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Capture } from '../../core/capture';
import type { MemberRef, LightWork, UserDecision } from '../../core/merge/types';
import { ExportButtons } from '../components/ExportButtons';
import { WorkRecord } from '../components/WorkRecord';
import { joinWorks } from '../model/new-decisions';
import { siteName, sourcesOf } from '../model/person-view';
import { marksOf, memberPlacement } from '../model/work-checks';
import { Each, isolated } from '../components/data';
import { nextSort, type SortDir, type SortKey } from '../model/search';
import { worksPatchedFrom } from '../../core/provisional-views';
import { shownWorks, valueLists, worksChange, type ShownWorks, type ValueLists, type VersionFilter } from '../model/works-derived';
import { carryHeights, DRAW_WHOLE_UP_TO, heightsOf, OVERSCAN, positionOffsets, rowWindow, ROW_ESTIMATE, type PositionHeights } from '../model/row-window';

export interface WorksTableProps {
  works: readonly LightWork[];
  /** `prefetch`: a decision on these records (`captureKey#index`) may follow; what it reads is read ahead (DashboardData). */
  data: { now(): Date; prefetch?(rows: string[]): void };
  personName?: string;
  /** Curation: join works, split a record out of one (on a person's page and in the list of all works). */
  decide?(ds: UserDecision[]): Promise<void>;
  /** The title a record had on its own page: a merged work's records must be told apart before one is split out. */
  titleOf?(m: MemberRef): string | undefined;
  /** On a person's page: the flag text of each of their flagged works, by work id. */
  flagTexts?: ReadonlyMap<string, string>;
}

const NO_FLAGS: ReadonlyMap<string, string> = new Map();

/** The title each record had on its own page, looked up in the stored captures (for `titleOf`). */
export function ownTitles(records: readonly { key: string; capture: { works?: readonly { title?: string }[] } }[]): (m: MemberRef) => string | undefined {
  const captures = new Map(records.map((r) => [r.key, r.capture]));
  return (m) => captures.get(m.captureKey)?.works?.[m.index]?.title;
}

/*
 * Stable functions (kept for the table's life) are made by these, outside the
 * component: a function made in a render keeps every variable of that render
 * that any of its closures uses (V8 keeps them together), so one made in the
 * first render and kept would hold the first library's works for as long as
 * the table is open (issue 16, renderer memory).
 */
function toggler(setSelected: (f: (prev: Set<string>) => Set<string>) => void): (id: string) => void {
  return (id) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
}
function throughRef(ref: { current: ((ds: UserDecision[]) => Promise<void>) | undefined }): (ds: UserDecision[]) => Promise<void> {
  return (ds) => ref.current!(ds);
}

export function WorksTable({ works, data, personName, decide, titleOf, flagTexts = NO_FLAGS }: WorksTableProps) {
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: SortDir }>({ key: 'citations', dir: 'desc' });
  const [year, setYear] = useState('');
  const [venue, setVenue] = useState('');
  const [source, setSource] = useState('');
  const [version, setVersion] = useState<VersionFilter>('');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  // Derived again from what changed when a join or split patched a few works (src/ui/model/works-derived.ts),
  // the same as from scratch; the value lists kept as the same arrays while their values stay the same, so their
  // menus are not drawn again.
  const derived = useRef<{ works?: readonly LightWork[]; lists?: ValueLists; shown?: ShownWorks }>({});
  const change = useMemo(() => {
    // A patch says what it changed (src/core/provisional-views.ts); other works are compared with the last ones.
    const patched = worksPatchedFrom(works);
    return patched && patched.from === derived.current.works ? patched : worksChange(derived.current.works, works);
  }, [works]);
  derived.current.works = works;
  const lists = useMemo(() => valueLists(works, derived.current.lists, change), [works, change]);
  derived.current.lists = lists;
  const { years, venues, sources } = lists;
  const shownState = useMemo(
    () => shownWorks(works, { q, year, venue, source, version }, sort, derived.current.shown, change),
    [works, change, q, sort, year, venue, source, version],
  );
  derived.current.shown = shownState;
  const shown = shownState.list;
  const chosen = useMemo(() => (selected.size ? works.filter((w) => selected.has(w.id)) : []), [works, selected]);
  // From the latest state: two quick clicks before a render both count. Stable, so memoized rows keep it; made
  // outside this render (see stable below), so it does not keep the first render's works.
  const [toggle] = useState(() => toggler(setSelected));
  // The latest `decide`, through a stable function: a row is redrawn when its work changes, not when its parent does.
  const decideRef = useRef(decide);
  decideRef.current = decide;
  const [stableDecide] = useState(() => throughRef(decideRef));
  // Windowed past DRAW_WHOLE_UP_TO rows, unless the user asks for every row (the browser's find, a screen reader's browse mode).
  const [drawAll, setDrawAll] = useState(false);
  const win = useRowWindow(shownState, drawAll);
  // A second click on the active key reverses the order.
  const sortButton = (key: SortKey, label: string) => (
    <button
      type="button"
      class="sort"
      data-sort={key}
      aria-pressed={sort.key === key}
      title={sort.key === key ? `Sorted ${sort.dir === 'asc' ? 'ascending' : 'descending'}; click to reverse` : undefined}
      onClick={() => setSort(nextSort(sort, key))}
    >
      {label}
      {sort.key === key ? (sort.dir === 'asc' ? ' ▴' : ' ▾') : ''}
    </button>
  );
  return (
    <div class="works-table">
      <div class="filters">
        <label class="field">
          <span>Search works</span>
          <input type="search" value={q} onInput={(e) => setQ(e.currentTarget.value)} placeholder="Title, author or venue" />
        </label>
        <label class="field">
          <span>Year</span>
          <select value={year} onChange={(e) => setYear(e.currentTarget.value)}>
            <Options list={years} label={String} />
          </select>
        </label>
        {/* An option is drawn on its own: a venue alone needs no isolation, a cut one does (the "…" is ours). */}
        <label class="field">
          <span>Venue</span>
          <select value={venue} onChange={(e) => setVenue(e.currentTarget.value)}>
            <Options list={venues} label={venueLabel} />
          </select>
        </label>
        <label class="field">
          <span>Source</span>
          <select value={source} onChange={(e) => setSource(e.currentTarget.value)}>
            <Options list={sources} label={siteName} />
          </select>
        </label>
        <label class="field">
          <span>Version</span>
          <select value={version} onChange={(e) => setVersion(e.currentTarget.value as VersionFilter)}>
            <option value="">Any</option>
            <option value="preprint">Preprint only</option>
            <option value="published">Published</option>
            <option value="both">Preprint and published</option>
          </select>
        </label>
      </div>
      <p class="small muted" role="status">
        {shown.length.toLocaleString('en')} of {works.length.toLocaleString('en')} works · sort by {sortButton('citations', 'citations')} {sortButton('year', 'year')} {sortButton('title', 'title')}
      </p>
      {shown.length > DRAW_WHOLE_UP_TO && (
        <p class="small muted draw-rows">
          {drawAll ? 'Every row is drawn. ' : 'Only the rows on screen are drawn, as you scroll. '}
          <button type="button" class="chip-button" aria-pressed={drawAll} onClick={() => setDrawAll(!drawAll)}>
            Draw every row
          </button>{' '}
          (for the browser's find or a screen reader's browse mode; slower with many works)
        </p>
      )}
      <div class="selection" role="group" aria-label="Selected works">
        <span class="small">{chosen.length} selected</span>
        <ExportButtons scope={{ works: chosen, selection: true, ...(personName ? { personName } : {}) }} now={data.now} label="Export selected works" />
        {decide && (
          <button
            type="button"
            class="chip-button"
            disabled={chosen.length < 2}
            onClick={async () => {
              const ds = joinWorks(chosen, data.now().toISOString());
              // Cleared at the click: the patch's redraw then filters no 22 000 works for a selection it replaces.
              const was = selected;
              setSelected(new Set());
              try {
                await decide(ds);
              } catch (e) {
                setSelected(was);
                throw e;
              }
            }}
          >
            Join selected into one work
          </button>
        )}
      </div>
      <table class="works-grid" aria-rowcount={shown.length + 1}>
        <caption class="visually-hidden">Works</caption>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col">
              <span class="visually-hidden">Select</span>
            </th>
            <th scope="col">Title</th>
            <th scope="col">Year</th>
            <th scope="col">Venue</th>
            <th scope="col">Citations</th>
            <th scope="col">Sources</th>
          </tr>
        </thead>
        <tbody ref={win.body} onFocusIn={win.focusIn} onFocusOut={win.focusOut}>
          {win.parts.map((p) =>
            p.kind === 'gap' ? (
              <tr key={`gap-${p.at}`} class="spacer" aria-hidden="true">
                <td colSpan={6} style={{ height: `${p.height}px`, padding: 0, border: 0 }} />
              </tr>
            ) : (
              <WorkRow
                key={shown[p.index]!.id}
                index={p.index}
                work={shown[p.index]!}
                checked={selected.has(shown[p.index]!.id)}
                toggle={toggle}
                {...(decide ? { decide: stableDecide } : {})}
                {...(decide && data.prefetch ? { prefetch: data.prefetch } : {})}
                {...(titleOf ? { titleOf } : {})}
                flagTexts={flagTexts}
                now={data.now}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Which rows of `shown` are drawn: those in the viewport (window scroll) with
 * a margin, and the one holding the focus; the rest stand as spacer heights.
 * Heights are measured once drawn (and again when a row resizes: a record
 * opened), else estimated.
 */
function useRowWindow(shownState: ShownWorks, drawAll = false) {
  const shown = shownState.list;
  const body = useRef<HTMLTableSectionElement>(null);
  // Measured heights by work (a row keeps its height when a filter hides it and shows it again), and by position
  // in the list shown: a join or split carries those over by the list's edit, without a lookup for every row.
  const heights = useRef(new Map<string, number>());
  const byPosition = useRef<PositionHeights>({ list: [], heights: new Float64Array(0) });
  const [measured, setMeasured] = useState(0);
  const [view, setView] = useState({ from: 0, to: viewportHeight() });
  const [focused, setFocused] = useState<string | undefined>();
  const offsets = useMemo(() => {
    const prev = byPosition.current;
    const edit = shownState.edit;
    const heightOf = (w: LightWork) => heights.current.get(w.id);
    if (prev.list !== shown) byPosition.current = edit && edit.from === prev.list ? carryHeights(prev, shown, edit, heightOf) : heightsOf(shown, heightOf);
    return positionOffsets(byPosition.current.heights);
  }, [shown, measured]);
  const focusIndex = useMemo(() => (focused === undefined ? -1 : shown.findIndex((w) => w.id === focused)), [shown, focused]);
  const parts = rowWindow(offsets, view.from, view.to, focusIndex, OVERSCAN, drawAll ? Infinity : DRAW_WHOLE_UP_TO);
  // Made outside this render, as the table's stable functions are (its listeners would keep the first render's list).
  const [watchViewport] = useState(() => viewportWatcher(body, setView));
  useEffect(watchViewport, []);
  // Drawn rows measured after each draw, and whenever one changes size.
  useLayoutEffect(() => {
    const rows = body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-work]') ?? [];
    const measure = (list: Iterable<Element>) => {
      let changed = false;
      const at = byPosition.current;
      for (const tr of list) {
        const id = (tr as HTMLElement).dataset.work;
        const h = tr.getBoundingClientRect?.().height ?? 0;
        if (!id || !(h > 0)) continue;
        if (Math.abs((heights.current.get(id) ?? -1) - h) > 0.5) {
          heights.current.set(id, h);
          changed = true;
        }
        // Its place in the list the offsets are of (aria-rowindex is the place + 2); a row from an older list is left to the map.
        const i = Number((tr as HTMLElement).getAttribute('aria-rowindex')) - 2;
        if ((at.list[i] as LightWork | undefined)?.id === id && Math.abs(at.heights[i]! - h) > 0.5) {
          at.heights[i] = h;
          changed = true;
        }
      }
      if (changed) setMeasured((n) => n + 1);
    };
    measure(rows);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => measure(entries.map((e) => e.target)));
    rows.forEach((r) => ro.observe(r));
    return () => ro.disconnect();
  });
  const focusIn = (e: FocusEvent) => {
    const id = (e.target as HTMLElement | null)?.closest?.<HTMLElement>('tr[data-work]')?.dataset.work;
    if (id !== undefined) setFocused(id);
  };
  const focusOut = (e: FocusEvent) => {
    const next = e.relatedTarget as Node | null;
    if (!next || !body.current?.contains(next)) setFocused(undefined);
  };
  return { body, parts, focusIn, focusOut };
}

/** The effect that follows the window's scroll and size: which part of the table is in view. */
function viewportWatcher(body: { current: HTMLTableSectionElement | null }, setView: (f: (v: { from: number; to: number }) => { from: number; to: number }) => void): () => (() => void) | undefined {
  return () => {
    let frame = 0;
    const on = () => {
      if (frame) return;
      frame = nextFrame(() => {
        frame = 0;
        const top = body.current?.getBoundingClientRect?.().top ?? 0;
        const from = Math.max(0, -top);
        const next = { from: Math.floor(from / ROW_ESTIMATE) * ROW_ESTIMATE, to: Math.ceil((from + viewportHeight()) / ROW_ESTIMATE) * ROW_ESTIMATE };
        setView((v) => (v.from === next.from && v.to === next.to ? v : next));
      });
    };
    on();
    // No window to scroll (a component test's document): the first rows stay drawn.
    if (typeof addEventListener !== 'function') return undefined;
    addEventListener('scroll', on, { passive: true });
    addEventListener('resize', on);
    return () => {
      removeEventListener('scroll', on);
      removeEventListener('resize', on);
      if (frame) cancelFrame(frame);
    };
  };
}

const venueLabel = (v: string) => (v.length > 60 ? `${isolated(v.slice(0, 59))}…` : v);

/** A filter's menu: "Any", then every value; redrawn only when the list changes (a library's venues run to thousands). */
const Options = memo(function Options<T extends string | number>({ list, label }: { list: readonly T[]; label(v: T): string }) {
  return (
    <>
      <option value="">Any</option>
      {list.map((v) => (
        <option value={String(v)}>{label(v)}</option>
      ))}
    </>
  );
}) as <T extends string | number>(p: { list: readonly T[]; label(v: T): string }) => preact.JSX.Element;

const nextFrame = (f: () => void): number => (typeof requestAnimationFrame === 'function' ? requestAnimationFrame(f) : (setTimeout(f, 16) as unknown as number));
const cancelFrame = (n: number) => (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame(n) : clearTimeout(n));
const viewportHeight = () => (typeof innerHeight === 'number' && innerHeight > 0 ? innerHeight : 900);

interface CellsProps {
  work: LightWork;
  checked: boolean;
  toggle(id: string): void;
  decide?(ds: UserDecision[]): Promise<void>;
  /** Told of the work's records when it is selected or a record is about to be split out: a join or split may follow. */
  prefetch?(rows: string[]): void;
  titleOf?(m: MemberRef): string | undefined;
  flagTexts: ReadonlyMap<string, string>;
  now(): Date;
}

/**
 * A row: its place in the list (aria-rowindex) drawn here, its cells apart
 * (WorkCells, memoized without the place): a join or split above it moves
 * the row's place, and only the row element is drawn again, not its cells.
 */
const WorkRow = memo(function WorkRow({ index, ...cells }: CellsProps & { index: number }) {
  return (
    <tr data-work={cells.work.id} aria-rowindex={index + 2}>
      <WorkCells {...cells} />
    </tr>
  );
});

const WorkCells = memo(function WorkCells(props: CellsProps) {
  const { work: w, checked, toggle, decide, prefetch, titleOf, flagTexts, now } = props;
  const readAhead = prefetch && (() => prefetch(w.members.map((m) => `${m.captureKey}#${m.index}`)));
  const title = w.title ?? '(untitled)';
  const marks = marksOf(w, flagTexts);
  return (
    <>
      <td>
        <input
          type="checkbox"
          checked={checked}
          onChange={() => {
            // Selected: a join may follow, whose captures are read meanwhile.
            if (!checked) readAhead?.();
            toggle(w.id);
          }}
          aria-label={`Select: ${title}`} />
      </td>
      <td dir="auto">
        <details>
          <summary dir="auto">
            {title}
            {marks.map((m) => (
              <>
                {' '}
                <span class={`mark mark--${m.kind}`} title={m.title}>
                  {m.label}
                </span>
              </>
            ))}
          </summary>
          <WorkRecord work={w} now={now} showTitle={false} />
          <ul class="versions small">
            {w.versions.map((v) => (
              <li>
                {v.kind === 'preprint' ? 'Preprint' : 'Published'}
                {v.venue && (
                  <>
                    {' in '}
                    <bdi>{v.venue}</bdi>
                  </>
                )}
                {v.year ? ` (${v.year})` : ''} — <Each items={v.sources.map(siteName)} />
                {Object.entries(v.ids).map(([k, id]) => (
                  <>
                    {` · ${k}:`}
                    <bdi>{id}</bdi>
                  </>
                ))}
              </li>
            ))}
          </ul>
          {w.members.length > 1 && (
            <ul class="members small">
              {w.members.map((m) => {
                const own = titleOf?.(m);
                const placed = memberPlacement(m);
                return (
                  <li>
                    <bdi>{siteName(m.source)}</bdi> ({m.pageKind} page, <bdi>{m.capturedAt.slice(0, 10)}</bdi>)
                    {own && (
                      <>
                        : “<bdi>{own}</bdi>”
                      </>
                    )}
                    {placed && (
                      <>
                        {' '}
                        <span class="mark mark--placement" title={placed}>
                          placed by abstract
                        </span>
                      </>
                    )}
                    {/* The space outside the button: inside it, the button's box swallows it and the text runs into the title. */}
                    {decide && ' '}
                    {decide && (
                      <button
                        type="button"
                        class="link"
                        onPointerEnter={readAhead}
                        onFocus={readAhead}
                        onClick={() => {
                          const at = now().toISOString();
                          const me = `rec:${m.captureKey}#${m.index}`;
                          return decide(
                            w.members.filter((o) => o !== m).map((o) => ({ kind: 'split-works' as const, works: [me, `rec:${o.captureKey}#${o.index}`] as [string, string], at })),
                          );
                        }}
                      >
                        split this record out
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {w.matchedBy.length > 0 && <p class="small muted">Joined by: {w.matchedBy.join(', ')}</p>}
        </details>
      </td>
      <td>{w.year ?? '—'}</td>
      <td dir="auto">{w.venue ?? '—'}</td>
      <td class="num">{w.citations?.toLocaleString('en') ?? '—'}</td>
      <td class="small">
        <Each items={sourcesOf(w).map(siteName)} />
      </td>
    </>
  );
});
