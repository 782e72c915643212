// Many real tabs read at once, in real Chromium with the built extension: the
// store loses and duplicates nothing (issue 14, "what held, and must keep
// holding"). The unit test of the background handler drives 200 concurrent
// captures through the handler alone (tests/unit/background-handler.test.ts,
// "captures arriving at once"); this one goes through 100 real tabs, their
// content scripts, runtime messaging and the service worker's IndexedDB.
//
// Page: the real saved arXiv abstract page arxiv/abs_2004.10162.html, served at
// 100 distinct abstract addresses. arXiv's store key comes from the address
// (src/sites/arxiv/index.ts pageKey: `abs:<id from the path>`), so 100
// addresses are 100 records even though the page's content names one paper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedRecords } from './browser';
import { launch, type Harness } from './harness';

const FIXTURE = 'arxiv/abs_2004.10162.html';
// 2101.00001 … 2101.00100: new-style identifiers, distinct from the saved page's own.
const ids = Array.from({ length: 100 }, (_, i) => `2101.${String(i + 1).padStart(5, '0')}`);
const address = (id: string) => `https://arxiv.org/abs/${id}`;
const SAME = '2101.00777';

interface Status {
  url: string;
  key?: string;
  outcome: string;
}
interface StoredRecord {
  key: string;
  url: string;
  timesSeen: number;
}

describe('100 real tabs read at once', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await launch();
    await h.serve(/^https:\/\/arxiv\.org\/abs\/2101\.\d{5}$/, FIXTURE);
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Every tab status the background recorded (one per tab: `tab:<id>` in session storage). */
  const statuses = (): Promise<Status[]> =>
    h.background(async () => {
      const all = (await chrome.storage.session.get(null)) as Record<string, unknown>;
      return Object.entries(all)
        .filter(([k]) => k.startsWith('tab:'))
        .map(([, v]) => v as Status);
    });

  /** The store's capture records, without the captures themselves. */
  const records = async (): Promise<StoredRecord[]> => (await storedRecords<StoredRecord>(h)).map(({ key, url, timesSeen }) => ({ key, url, timesSeen }));

  /** Open one tab per address, all at once, and wait until every one has its document. */
  async function openAll(urls: string[]) {
    return Promise.all(
      urls.map(async (url) => {
        const page = await h.context.newPage();
        // A hundred tabs loading at once on a busy machine can take longer than
        // playwright's default 30 s; what the test checks is polled afterwards.
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 180_000 });
        return page;
      }),
    );
  }

  /** Waits (polling the background, no clock) until `n` tabs on these addresses have reported. */
  async function reported(urls: Set<string>, n: number): Promise<Status[]> {
    await expect.poll(async () => (await statuses()).filter((s) => urls.has(s.url)).length, { timeout: 240_000, interval: 500 }).toBe(n);
    return (await statuses()).filter((s) => urls.has(s.url));
  }

  it('100 distinct pages in 100 tabs: exactly 100 records, one per page, none lost or twice', { timeout: 420_000 }, async () => {
    const urls = ids.map(address);
    const pages = await openAll(urls);
    const done = await reported(new Set(urls), 100);
    // Each tab's page stored, as a new record, under its own address's key.
    expect(done.map((s) => s.outcome)).toEqual(Array(100).fill('added'));
    expect(done.map((s) => s.key).sort()).toEqual(ids.map((id) => `arxiv:abs:${id}`).sort());

    const stored = await records();
    expect(stored).toHaveLength(100);
    expect(new Set(stored.map((r) => r.key)).size).toBe(100);
    expect(stored.map((r) => r.url).sort()).toEqual([...urls].sort());
    // Each record written once: no tab's capture landed on another's record.
    expect(stored.filter((r) => r.timesSeen !== 1)).toEqual([]);
    await Promise.all(pages.map((p) => p.close()));
  });

  it('one page in 20 tabs at once: exactly one record, seen 20 times', { timeout: 420_000 }, async () => {
    const url = address(SAME);
    const pages = await openAll(Array(20).fill(url));
    const done = await reported(new Set([url]), 20);
    // The first write adds the record, the 19 others update it (read and write in one transaction).
    expect(done.filter((s) => s.outcome === 'added')).toHaveLength(1);
    expect(done.filter((s) => s.outcome === 'updated')).toHaveLength(19);
    expect(new Set(done.map((s) => s.key))).toEqual(new Set([`arxiv:abs:${SAME}`]));

    const stored = await records();
    const same = stored.filter((r) => r.url === url);
    expect(same).toHaveLength(1);
    expect(same[0]!.key).toBe(`arxiv:abs:${SAME}`);
    // Every one of the 20 captures counted: no read-modify-write lost another's update.
    expect(same[0]!.timesSeen).toBe(20);
    // The 100 records of the first test are still there, and nothing else.
    expect(stored).toHaveLength(101);
    await Promise.all(pages.map((p) => p.close()));
  });
});
