// Which rows of a long table are drawn (src/ui/dashboard/WorksTable.tsx):
// pure arithmetic over row heights, so it is tested without a browser.

/** The height a row is taken to have before it is drawn and measured (one line of text and its padding), px. */
export const ROW_ESTIMATE = 34;
/** Rows drawn above and below the viewport, so a quick scroll or Tab lands on drawn rows. */
export const OVERSCAN = 10;
/**
 * Tables up to this many rows are drawn whole: a person's works (tens, a few
 * hundred at most) stay findable with the browser's find, readable by a
 * screen reader end to end and reachable by Tab without scrolling; only the
 * list of all works of a large library is windowed. (Before windowing the
 * table drew 200 rows at a time, with a button for more.)
 */
export const DRAW_WHOLE_UP_TO = 300;

/** Offsets of each row's top, px, and the total height last: `heights[i]` measured, or undefined (estimated). */
export function rowOffsets(heights: readonly (number | undefined)[], estimate = ROW_ESTIMATE): Float64Array {
  const out = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i]! + (heights[i] ?? estimate);
  return out;
}

/**
 * The row heights of a list, by position: `heights[i]` the measured height of
 * row i, 0 when not yet measured (estimated). Kept with the list it is of, so
 * a join or split (a few rows out, a few in: works-derived.ts ListEdit) carries
 * it over by positions instead of looking up every row's height again.
 */
export interface PositionHeights {
  list: readonly unknown[];
  heights: Float64Array;
}

/** The heights of `list`, each looked up (`heightOf(item)`, undefined when not measured). */
export function heightsOf<T>(list: readonly T[], heightOf: (item: T) => number | undefined): PositionHeights {
  const heights = new Float64Array(list.length);
  for (let i = 0; i < list.length; i++) heights[i] = heightOf(list[i]!) ?? 0;
  return { list, heights };
}

/**
 * The heights of `list`, made from `prev` (the heights of `edit.from`) by the
 * edit: rows left out dropped, rows put in looked up, every other row's height
 * moved to its new place. A walk of numbers, no lookup per row.
 */
export function carryHeights<T>(prev: PositionHeights, list: readonly T[], edit: { removedAt: readonly number[]; insertedAt: readonly number[] }, heightOf: (item: T) => number | undefined): PositionHeights {
  const { removedAt, insertedAt } = edit;
  if (prev.heights.length - removedAt.length + insertedAt.length !== list.length) throw new Error('carryHeights: the edit does not lead to this list');
  const heights = new Float64Array(list.length);
  const old = prev.heights;
  let j = 0; // next row of the old list
  let r = 0; // next removal
  let from = 0; // start of the run of rows kept, in the new list
  const copyTo = (end: number) => {
    // Rows from..end-1 of the new list are old rows, skipping the removed ones: copied run by run.
    let i = from;
    while (i < end) {
      while (r < removedAt.length && removedAt[r] === j) {
        r++;
        j++;
      }
      const nextRemoved = r < removedAt.length ? removedAt[r]! : Infinity;
      const run = Math.min(end - i, nextRemoved - j);
      heights.set(old.subarray(j, j + run), i);
      i += run;
      j += run;
    }
  };
  for (const at of insertedAt) {
    copyTo(at);
    heights[at] = heightOf(list[at]!) ?? 0;
    from = at + 1;
  }
  copyTo(list.length);
  return { list, heights };
}

/** Offsets of each row's top, px, and the total last, from heights by position (0: estimated); as rowOffsets. */
export function positionOffsets(heights: Float64Array, estimate = ROW_ESTIMATE): Float64Array {
  const out = new Float64Array(heights.length + 1);
  for (let i = 0; i < heights.length; i++) out[i + 1] = out[i]! + (heights[i]! || estimate);
  return out;
}

/** The first row whose bottom is below `y` (the row at `y`), by binary search; the row count when `y` is past the end. */
function rowAt(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export type WindowPart = { kind: 'row'; index: number } | { kind: 'gap'; at: number; height: number };

/**
 * What to draw for the viewport `from`–`to` (px from the table body's top):
 * every row of a table of at most `whole` rows; else
 * the rows it shows with OVERSCAN more on each side, and `keep` (the row
 * holding the focus, −1 for none) wherever it is; every run of rows left out
 * is one gap of their height, so the scroll height stays the table's.
 */
export function rowWindow(offsets: Float64Array, from: number, to: number, keep = -1, overscan = OVERSCAN, whole = DRAW_WHOLE_UP_TO): WindowPart[] {
  const n = offsets.length - 1;
  if (n <= 0) return [];
  if (n <= whole) return Array.from({ length: n }, (_, index) => ({ kind: 'row', index }));
  const start = Math.max(0, rowAt(offsets, from) - overscan);
  const end = Math.min(n, rowAt(offsets, Math.max(from, to)) + 1 + overscan);
  const indices: number[] = [];
  if (keep >= 0 && keep < start) indices.push(keep);
  for (let i = start; i < end; i++) indices.push(i);
  if (keep >= end && keep < n) indices.push(keep);
  const parts: WindowPart[] = [];
  let next = 0;
  for (const i of indices) {
    if (i > next) parts.push({ kind: 'gap', at: next, height: offsets[i]! - offsets[next]! });
    parts.push({ kind: 'row', index: i });
    next = i + 1;
  }
  if (next < n) parts.push({ kind: 'gap', at: next, height: offsets[n]! - offsets[next]! });
  return parts;
}
