// The message protocol's boundary: parse-message.ts turns `unknown` into a
// typed message or a clear refusal, and send.ts types the reply.
import { describe, expect, it } from 'vitest';
import type { Capture } from '../../src/core/capture';
import { BACKGROUND_MESSAGE_TYPES, isTabStatusOf, TAB_MESSAGE_TYPES, type Message } from '../../src/shell/messages';
import { parseBackgroundMessage, parseMessage, parseTabMessage } from '../../src/shell/parse-message';
import { sender } from '../../src/shell/send';

const capture: Capture = {
  format: 'scholar-lens.capture',
  version: 1,
  source: 'google-scholar',
  pageKind: 'author',
  url: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en',
  capturedAt: '2026-11-22T09:00:00.000Z',
  person: { name: 'Synthetic Person' },
  works: [{ title: 'A work', citations: 3 }],
};
const progress = { state: 'running', pages: 1, works: 20, at: 5 } as const;

// One valid example of every message in the union; the Record makes a new type fail to compile until it has one.
const VALID: { [T in Message['type']]: Extract<Message, { type: T }> } = {
  capture: { type: 'capture', capture },
  'nothing-found': { type: 'nothing-found', reason: 'nothing here' },
  'enable-host': { type: 'enable-host', origin: 'https://example.org' },
  'fetch-data': { type: 'fetch-data', url: 'https://pub.orcid.org/v3.0/0000-0002-1825-0097/record', as: 'json', headers: { Accept: 'application/json' } },
  'collect-progress': { type: 'collect-progress', progress },
  'tab-status': { type: 'tab-status', tabId: 7 },
  'refresh-views': { type: 'refresh-views', changed: true, stale: false },
  decided: { type: 'decided', decisions: [{ kind: 'join-works', works: ['rec:dblp:pid:1#0', 'arxiv:2001.00001'], at: '2026-12-01T00:00:00.000Z' }] },
  deleted: { type: 'deleted', keys: ['dblp:pid:1'] },
  prefetch: { type: 'prefetch', rows: ['dblp:pid:1#0', 'scholar:user:SbUmSEAAAAAJ#12'] },
  'collect-all-start': { type: 'collect-all-start' },
  'collect-all-cancel': { type: 'collect-all-cancel' },
};

describe('parsing messages', () => {
  it('the receivers together accept every message type, each exactly once', () => {
    const all = [...BACKGROUND_MESSAGE_TYPES, ...TAB_MESSAGE_TYPES].sort();
    expect(all).toEqual(Object.keys(VALID).sort());
  });

  for (const [type, message] of Object.entries(VALID)) {
    it(`accepts a valid ${type}`, () => {
      const accept = (BACKGROUND_MESSAGE_TYPES as readonly string[]).includes(type) ? parseBackgroundMessage : parseTabMessage;
      const r = accept(structuredClone(message));
      expect(r.ok, JSON.stringify(r)).toBe(true);
      if (r.ok) expect(r.message).toEqual(message);
    });
  }

  it('refuses what is not a message', () => {
    for (const raw of [undefined, null, 3, 'capture', true, []]) expect(parseBackgroundMessage(raw)).toEqual({ ok: false, error: 'not a message' });
  });

  it('refuses unknown types, and types meant for the other receiver', () => {
    expect(parseBackgroundMessage({ type: 'format-disk' })).toEqual({ ok: false, error: 'unknown message type "format-disk"' });
    expect(parseBackgroundMessage({})).toEqual({ ok: false, error: 'unknown message type undefined' });
    expect(parseBackgroundMessage({ type: 42 })).toEqual({ ok: false, error: 'unknown message type number' });
    expect(parseBackgroundMessage({ type: 'collect-all-start' }).ok).toBe(false);
    expect(parseTabMessage({ type: 'capture', capture }).ok).toBe(false);
  });

  it('refuses malformed payloads with a reason, naming the type', () => {
    const bad: [unknown, RegExp][] = [
      [{ type: 'capture', capture: { format: 'nope' } }, /the capture is malformed/],
      [{ type: 'capture' }, /the capture is malformed/],
      [{ type: 'enable-host', origin: 'https://example.org/path' }, /an origin like/],
      [{ type: 'enable-host', origin: 'javascript:alert(1)' }, /an origin like/],
      [{ type: 'fetch-data', url: 'https://x.org/', as: 'exe' }, /needs url and as/],
      [{ type: 'fetch-data', as: 'json' }, /needs url and as/],
      [{ type: 'collect-progress', progress: { state: 'bogus' } }, /progress report/],
      [{ type: 'tab-status', tabId: '7' }, /tabId expected/],
      [{ type: 'decided', decisions: 'join' }, /a list of at most/],
      [{ type: 'deleted', keys: [1] }, /capture keys expected/],
      [{ type: 'deleted', keys: 'dblp:pid:1' }, /capture keys expected/],
      [{ type: 'prefetch', rows: ['dblp:pid:1'] }, /records \(capture key#index\) expected/],
      [{ type: 'prefetch', rows: 'dblp:pid:1#0' }, /records \(capture key#index\) expected/],
      [{ type: 'prefetch', rows: [7] }, /records \(capture key#index\) expected/],
      [{ type: 'prefetch', rows: ['dblp:pid:1#x'] }, /records \(capture key#index\) expected/],
      [{ type: 'prefetch', rows: [`${'k'.repeat(2048)}#0`] }, /records \(capture key#index\) expected/],
      [{ type: 'prefetch', rows: Array.from({ length: 5001 }, (_, i) => `dblp:pid:1#${i}`) }, /records \(capture key#index\) expected/],
      [{ type: 'decided', decisions: [{ kind: 'join-works', works: ['rec:a#0', 'constructor:x'], at: '2026-12-01T00:00:00.000Z' }] }, /decision 1 is malformed/],
    ];
    for (const [raw, error] of bad) {
      const r = parseBackgroundMessage(raw);
      expect(r.ok, JSON.stringify(raw)).toBe(false);
      if (!r.ok) {
        expect(r.error).toMatch(error);
        expect(r.type).toBe((raw as { type: string }).type);
      }
    }
  });

  it('refuses an oversized capture before validating it', () => {
    const huge = { ...capture, works: Array.from({ length: 40 }, () => ({ title: 'x'.repeat(150_000) })) };
    const r = parseBackgroundMessage({ type: 'capture', capture: huge });
    expect(r).toMatchObject({ ok: false, type: 'capture' });
    if (!r.ok) expect(r.error).toMatch(/too large/);
  });

  it('keeps only what the receiver uses: Accept alone of the headers, a bounded reason', () => {
    const r = parseBackgroundMessage({ type: 'fetch-data', url: 'https://a.org/', as: 'xml', headers: { Accept: 'text/xml', Cookie: 'sid=1' }, extra: 1 });
    expect(r).toEqual({ ok: true, message: { type: 'fetch-data', url: 'https://a.org/', as: 'xml', headers: { Accept: 'text/xml' } } });
    const n = parseBackgroundMessage({ type: 'nothing-found', reason: 'x'.repeat(1000) });
    expect(n.ok && n.message.type === 'nothing-found' && n.message.reason.length).toBe(300);
    expect(n.ok && 'url' in n.message).toBe(false);
  });

  it('prototype keys neither name a type nor supply a field', () => {
    for (const type of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])
      expect(parseBackgroundMessage({ type }).ok, type).toBe(false);
    // A JSON-parsed payload can carry an own __proto__ key; it must not become a field.
    const sneaky = JSON.parse('{"__proto__": {"type": "tab-status", "tabId": 1}}') as unknown;
    expect(parseBackgroundMessage(sneaky)).toEqual({ ok: false, error: 'unknown message type undefined' });
    const inherited = Object.create({ type: 'tab-status', tabId: 1 }) as unknown;
    expect(parseBackgroundMessage(inherited).ok).toBe(false);
    const headers = JSON.parse('{"type":"fetch-data","url":"https://a.org/","as":"json","headers":{"__proto__":{"Accept":"evil"}}}') as unknown;
    expect(parseBackgroundMessage(headers)).toEqual({ ok: true, message: { type: 'fetch-data', url: 'https://a.org/', as: 'json', headers: {} } });
    const ctor = parseBackgroundMessage({ type: 'tab-status', tabId: 1, constructor: 'x', __proto__: null });
    expect(ctor).toEqual({ ok: true, message: { type: 'tab-status', tabId: 1 } });
  });

  it('accepts only the listed types', () => {
    expect(parseMessage(VALID['tab-status'], ['capture']).ok).toBe(false);
    expect(parseMessage(VALID['tab-status'], ['tab-status']).ok).toBe(true);
  });
});

describe('sending messages', () => {
  it('passes the message through and hands back the receiver’s answer', async () => {
    const seen: unknown[] = [];
    const send = sender(async (m) => (seen.push(m), { ok: true, value: 'started' }));
    const r = await send({ type: 'collect-all-start' });
    expect(r).toEqual({ ok: true, value: 'started' });
    expect(seen).toEqual([{ type: 'collect-all-start' }]);
  });

  it('turns no answer or a refusal without a reason into a refusal', async () => {
    expect(await sender(async () => undefined)({ type: 'tab-status', tabId: 1 })).toEqual({ ok: false, error: 'no answer' });
    expect(await sender(async () => ({ ok: false }))({ type: 'tab-status', tabId: 1 })).toEqual({ ok: false, error: 'refused without a reason' });
    expect(await sender(async () => ({ ok: false, error: 'HTTP 403' }))({ type: 'tab-status', tabId: 1 })).toEqual({ ok: false, error: 'HTTP 403' });
  });

  it('lets a failed transport reject, as the browser call does', async () => {
    await expect(sender(async () => Promise.reject(new Error('Receiving end does not exist')))({ type: 'collect-all-start' })).rejects.toThrow(/Receiving end/);
  });
});

// Synthetic statuses: what the popup accepts when it reads a tab's status from the session area itself.
describe('isTabStatusOf', () => {
  const status = { tabId: 7, url: 'https://scholar.google.com/citations?user=x', source: 'google-scholar', siteName: 'Google Scholar', pageKind: 'author', key: 'k', outcome: 'added', works: 2, notes: [], at: '2026-12-03T10:00:00.000Z' };
  it('takes a status of that tab, with or without a key', () => {
    expect(isTabStatusOf(status, 7)).toBe(true);
    const { key: _key, ...noKey } = status;
    expect(isTabStatusOf(noKey, 7)).toBe(true);
  });
  it("refuses another tab's status, a malformed one, and nothing", () => {
    expect(isTabStatusOf(status, 8)).toBe(false);
    expect(isTabStatusOf({ ...status, works: '2' }, 7)).toBe(false);
    expect(isTabStatusOf({ ...status, notes: 'x' }, 7)).toBe(false);
    expect(isTabStatusOf({ ...status, key: 3 }, 7)).toBe(false);
    for (const v of [undefined, null, 'tab:7', 7, []]) expect(isTabStatusOf(v, 7)).toBe(false);
  });
});
