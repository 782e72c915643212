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
