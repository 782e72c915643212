// Which rows of the works table are drawn (src/ui/model/row-window.ts): a
// person's works whole, a large list windowed around the viewport with the
// focused row kept, gaps standing for the rows left out.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { carryHeights, DRAW_WHOLE_UP_TO, heightsOf, OVERSCAN, positionOffsets, ROW_ESTIMATE, rowOffsets, rowWindow, type WindowPart } from '../../src/ui/model/row-window';

const rows = (parts: WindowPart[]) => parts.flatMap((p) => (p.kind === 'row' ? [p.index] : []));
const gaps = (parts: WindowPart[]) => parts.flatMap((p) => (p.kind === 'gap' ? [p] : []));
const estimated = (n: number) => rowOffsets(new Array<number | undefined>(n).fill(undefined));

describe('rowOffsets', () => {
  it('adds measured heights and the estimate for rows not yet drawn; the total comes last', () => {
    expect([...rowOffsets([40, undefined, 20])]).toEqual([0, 40, 40 + ROW_ESTIMATE, 60 + ROW_ESTIMATE]);
    expect([...rowOffsets([])]).toEqual([0]);
  });
});

describe('row heights by position, carried over by a list edit', () => {
  // SYNTHETIC lists: rows are numbers, some measured (a height by row), the rest estimated.
  const editArb = fc
    .record({
      n: fc.integer({ min: 0, max: 80 }),
      removed: fc.array(fc.nat(), { maxLength: 12 }),
      inserted: fc.array(fc.nat(), { maxLength: 12 }),
      measured: fc.array(fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 300 })), { maxLength: 60 }),
    })
    .map(({ n, removed, inserted, measured }) => {
      const from = [...Array(n).keys()];
      const gone = new Set(n ? removed.map((r) => r % n) : []);
      const list = from.filter((x) => !gone.has(x));
      // New rows (ids from 1000 on) put in at places of the new list, ascending.
      inserted.forEach((p, k) => list.splice(p % (list.length + 1), 0, 1000 + k));
      const insertedAt = list.flatMap((x, i) => (x >= 1000 ? [i] : []));
      const removedAt = [...gone].sort((a, b) => a - b);
      const height = new Map<number, number>();
      for (const [row, h] of measured) height.set(row < 100 ? row : 1000 + (row - 100), h);
      return { from, list, removedAt, insertedAt, height };
    });

  it('gives the offsets rowOffsets gives from every row looked up', () => {
    fc.assert(
      fc.property(editArb, ({ from, list, removedAt, insertedAt, height }) => {
        const heightOf = (x: number) => height.get(x);
        const carried = carryHeights(heightsOf(from, heightOf), list, { removedAt, insertedAt }, heightOf);
        expect(carried.list).toBe(list);
        expect([...positionOffsets(carried.heights)]).toEqual([...rowOffsets(list.map(heightOf))]);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });

  it('keeps a height measured in place (no lookup) through the edit', () => {
    // Row 1 measured only by position (not in the lookup): it keeps its height when row 0 leaves and a row comes in after it.
    const prev = heightsOf([0, 1, 2], () => undefined);
    prev.heights[1] = 90;
    const next = carryHeights(prev, [1, 7, 2], { removedAt: [0], insertedAt: [1] }, (x) => (x === 7 ? 50 : undefined));
    expect([...next.heights]).toEqual([90, 50, 0]);
    expect([...positionOffsets(next.heights)]).toEqual([0, 90, 140, 140 + ROW_ESTIMATE]);
  });

  it('refuses an edit that does not lead to the list', () => {
    expect(() => carryHeights(heightsOf([0, 1], () => undefined), [0, 1, 2], { removedAt: [], insertedAt: [] }, () => undefined)).toThrow();
  });
});

describe('rowWindow', () => {
  it('draws a table of up to DRAW_WHOLE_UP_TO rows whole, wherever the viewport is', () => {
    const parts = rowWindow(estimated(DRAW_WHOLE_UP_TO), 5_000, 5_900);
    expect(rows(parts)).toEqual([...Array(DRAW_WHOLE_UP_TO).keys()]);
    expect(gaps(parts)).toEqual([]);
    expect(rowWindow(estimated(0), 0, 900)).toEqual([]);
  });

  it('past that, draws the rows on screen and OVERSCAN more on each side, with gaps of the rest', () => {
    const n = 1_000;
    const o = estimated(n);
    const from = 100 * ROW_ESTIMATE;
    const to = from + 20 * ROW_ESTIMATE;
    const parts = rowWindow(o, from, to);
    const drawn = rows(parts);
    expect(drawn[0]).toBe(100 - OVERSCAN);
    expect(drawn.at(-1)).toBe(120 + OVERSCAN);
    expect(drawn).toEqual([...Array(drawn.length).keys()].map((i) => i + drawn[0]!));
    const [before, after] = gaps(parts);
    expect(before).toEqual({ kind: 'gap', at: 0, height: (100 - OVERSCAN) * ROW_ESTIMATE });
    expect(after).toEqual({ kind: 'gap', at: 121 + OVERSCAN, height: (n - 121 - OVERSCAN) * ROW_ESTIMATE });
    // The scroll height stays the table's: drawn rows and gaps add up to it.
    const total = drawn.length * ROW_ESTIMATE + gaps(parts).reduce((s, g) => s + g.height, 0);
    expect(total).toBe(o[n]);
  });

  it('keeps the focused row drawn while it is scrolled away, between gaps', () => {
    const parts = rowWindow(estimated(1_000), 0, 900, 700);
    expect(rows(parts)).toContain(700);
    const kinds = parts.slice(-3).map((p) => (p.kind === 'row' ? p.index : 'gap'));
    expect(kinds).toEqual(['gap', 700, 'gap']);
  });

  it('uses measured heights: an opened row pushes the window down', () => {
    const heights: (number | undefined)[] = new Array(1_000).fill(undefined);
    heights[0] = 10 * ROW_ESTIMATE; // the first row opened, ten rows tall
    const parts = rowWindow(rowOffsets(heights), 20 * ROW_ESTIMATE, 21 * ROW_ESTIMATE, -1, 0);
    expect(rows(parts)).toEqual([11, 12]);
  });

  it('a viewport past the end draws the last rows', () => {
    const parts = rowWindow(estimated(1_000), 10_000_000, 10_000_900, -1, 2);
    expect(rows(parts).at(-1)).toBe(999);
    expect(parts.at(-1)).toEqual({ kind: 'row', index: 999 });
  });
});
