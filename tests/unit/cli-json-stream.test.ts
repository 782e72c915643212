// The command line's streamed JSON (src/cli/json-stream.ts): the text is
// JSON.stringify(object, null, 2) of the whole object, written in pieces, and
// a write that returns a promise holds the next one back.

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Items, jsonArrayPieces, writeJsonObject } from '../../src/cli/json-stream';

async function written(fields: [string, unknown][]): Promise<{ text: string; pieces: number }> {
  const out: string[] = [];
  await writeJsonObject((t) => void out.push(t), fields);
  return { text: out.join(''), pieces: out.length };
}

describe('streamed JSON', () => {
  test('is the text JSON.stringify gives the whole object, for any values and arrays', async () => {
    const field = fc.tuple(fc.string(), fc.jsonValue(), fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(field, { selector: (f) => f[0] }), async (fields) => {
        // Streamed as items only where the value is an array; the whole object is the reference.
        const whole = Object.fromEntries(fields.map(([k, v]) => [k, v]));
        const streamed = fields.map(([k, v, stream]): [string, unknown] => [k, stream && Array.isArray(v) ? new Items(v) : v]);
        // Object.fromEntries keeps the order of string keys but puts integer-like keys first.
        fc.pre(JSON.stringify(Object.keys(whole)) === JSON.stringify(fields.map((f) => f[0])));
        expect((await written(streamed)).text).toBe(JSON.stringify(whole, null, 2) + '\n');
      }),
    );
  });

  test('a streamed top-level array is the text JSON.stringify gives the whole array', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), (items) => {
        expect([...jsonArrayPieces(items)].join('')).toBe(JSON.stringify(items, null, 2) + '\n');
      }),
    );
    expect([...jsonArrayPieces([])].join('')).toBe('[]\n');
  });

  test('empty object and empty streamed array; undefined fields left out, as JSON.stringify does', async () => {
    expect((await written([])).text).toBe('{}\n');
    expect((await written([['a', new Items([])], ['b', undefined], ['c', 'line\nbreak']])).text).toBe('{\n  "a": [],\n  "c": "line\\nbreak"\n}\n');
  });

  test('items are made as they are written, in pieces, and a pending write is waited for', async () => {
    let made = 0;
    function* rows() {
      for (let i = 0; i < 5000; i++) {
        made++;
        yield { i, title: 'x'.repeat(40) };
      }
    }
    const seenWhenWritten: number[] = [];
    let pending = false;
    await writeJsonObject(async () => {
      expect(pending).toBe(false);
      pending = true;
      seenWhenWritten.push(made);
      await new Promise((r) => setTimeout(r, 1));
      pending = false;
    }, [['rows', new Items(rows())]]);
    // About 300 kB of text: several pieces, the first written before all rows were made.
    expect(seenWhenWritten.length).toBeGreaterThan(2);
    expect(seenWhenWritten[0]).toBeLessThan(5000);
  });
});
