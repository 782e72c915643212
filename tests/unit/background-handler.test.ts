import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createHandler } from '../../src/shell/background-handler';
import type { TabStatus } from '../../src/shell/messages';
import { allCaptures, openStore } from '../../src/store/store';
import { adapters } from '../../src/adapters/registry';
import type { Capture } from '../../src/core/capture';

let n = 0;
const OWN = 'own-extension-id';

function setup() {
  const statuses = new Map<number, TabStatus>();
  // A fresh database per test: connections stay open in the handler, as in the background.
  const dbp = openStore(`scholar-lens-bg-test-${++n}`);
  const h = createHandler(
    {
      db: () => dbp,
      now: () => new Date('2026-11-22T10:00:00.000Z'),
      saveStatus: async (s) => void statuses.set(s.tabId, s),
      loadStatus: async (id) => statuses.get(id),
    },
    OWN,
  );
  return { ...h, statuses, dbp };
}

// Synthetic captures: this tests the boundary, not an adapter.
function capture(source: string, extra: Partial<Capture> = {}): Capture {
  return {
    format: 'scholar-lens.capture',
    version: 1,
    source,
    pageKind: 'author',
    url: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en',
    capturedAt: '2026-11-22T09:00:00.000Z',
    person: { name: 'Synthetic Person' },
    works: [{ title: 'A work', citations: 3 }],
    ...extra,
  };
}

describe('background message handling', () => {
  it('refuses messages from anything but the extension itself', async () => {
    const { handle } = setup();
    const r = await handle({ type: 'tab-status', tabId: 1 }, { id: 'someone-else' });
    expect(r.ok).toBe(false);
  });

  it('rejects malformed and oversized captures with a reason, counts them, stores nothing', async () => {
    const { handle, rejected, dbp, statuses } = setup();
    const bad = await handle({ type: 'capture', capture: { format: 'nope' } }, { id: OWN, tabId: 3 });
    expect(bad).toMatchObject({ ok: false });
    expect((bad as { error: string }).error).toMatch(/malformed/);
    const huge = capture(adapters[0]?.id ?? 'google-scholar', { works: [{ title: 'x'.repeat(90_000), abstract: 'y'.repeat(90_000) }] });
    huge.works = Array.from({ length: 40 }, () => huge.works![0]!);
    const big = await handle({ type: 'capture', capture: huge }, { id: OWN, tabId: 3 });
    expect((big as { error: string }).error).toMatch(/too large/);
    expect(rejected.count).toBe(2);
    expect(statuses.get(3)?.outcome).toBe('rejected');
    expect(await allCaptures(await dbp)).toHaveLength(0);
  });

  it('rejects captures that name no known adapter', async () => {
    const { handle } = setup();
    const r = await handle({ type: 'capture', capture: capture('no-such-site') }, { id: OWN, tabId: 4 });
    expect(r.ok).toBe(false);
  });

  it('stores a valid capture and reports added, then updated', async () => {
    const { handle, dbp } = setup();
    const first = await handle({ type: 'capture', capture: capture('google-scholar') }, { id: OWN, tabId: 7 });
    expect(first).toMatchObject({ ok: true, value: { outcome: 'added', works: 1, siteName: 'Google Scholar' } });
    const again = await handle(
      { type: 'capture', capture: capture('google-scholar', { url: 'https://scholar.google.com/citations?hl=fr&user=SbUmSEAAAAAJ&sortby=pubdate' }) },
      { id: OWN, tabId: 7 },
    );
    expect(again).toMatchObject({ ok: true, value: { outcome: 'updated' } });
    expect(await allCaptures(await dbp)).toHaveLength(1);
    const status = await handle({ type: 'tab-status', tabId: 7 }, { id: OWN });
    expect(status).toMatchObject({ ok: true, value: { outcome: 'updated' } });
  });

  it('records blocked pages as a status without storing them', async () => {
    const { handle, dbp } = setup();
    const blocked: Capture = { ...capture('google-scholar'), pageKind: 'blocked', notes: ['Google asks for a captcha'] };
    delete blocked.person;
    delete blocked.works;
    const r = await handle({ type: 'capture', capture: blocked }, { id: OWN, tabId: 8 });
    expect(r).toMatchObject({ ok: true, value: { outcome: 'not-stored', pageKind: 'blocked' } });
    expect(await allCaptures(await dbp)).toHaveLength(0);
  });
});
