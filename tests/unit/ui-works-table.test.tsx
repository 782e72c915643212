// The dashboard's works table, rendered with Preact into a linkedom document:
// the sort reverses, search ignores accents, joining works keeps the first
// work's version, and "split this record out" stands apart from the quoted title.
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { mergeAll } from '../../src/core/merge';
import type { LightResult, LightWork, MemberRef, MergedWork, UserDecision } from '../../src/core/merge/types';
import { useState } from 'preact/hooks';
import { patchResult, worksPatchedFrom } from '../../src/core/provisional-views';
import { WorksTable } from '../../src/ui/dashboard/WorksTable';
import { foldQuery, nextSort, workMatches } from '../../src/ui/model/search';
import { ernst } from '../helpers/format-records';
import { textOf, useRenderDom } from '../helpers/render-dom';

const { dom, mount, click } = useRenderDom();
const text = textOf;
const AT = '2026-11-22T10:00:00.000Z';
const empty = { title: [], authors: [], year: [], venue: [], citations: [], abstract: [], url: [], type: [], ids: [] };
const member = (captureKey: string, index = 0): MemberRef => ({ captureKey, index, source: 'google-scholar', capturedAt: AT, pageKind: 'author' });
// SYNTHETIC works.
const work = (id: string, title: string, citations: number | undefined, year: number, authors: string[] = []): MergedWork => ({
  id, title, year, authors, ...(citations !== undefined ? { citations } : {}), ids: {}, versions: [], members: [member(id)], matchedBy: [], fields: empty,
});
const works = [work('a', 'Beta', 5, 2001, ['Jan Mačát']), work('b', 'Alpha', 12, 2010), work('c', 'Gamma', undefined, 2005), work('d', 'Delta', 1, 2020, ['J Schöning'])];
const titles = (root: Element) => [...root.querySelectorAll('tbody tr summary')].map((s) => text(s));

describe('sort', () => {
  it('a second click on the active key reverses it; works without a value stay last', async () => {
    const root = mount(() => <WorksTable works={works} data={{ now: () => new Date(AT) }} />);
    const button = (k: string) => root.querySelector(`button.sort[data-sort="${k}"]`)!;
    // Most cited first by default: 12, 5, 1, then the one without a count.
    expect(titles(root)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    expect(text(button('citations'))).toBe('citations ▾');
    click(button('citations'));
    await vi.waitFor(() => expect(titles(root)).toEqual(['Delta', 'Beta', 'Alpha', 'Gamma']));
    expect(text(button('citations'))).toBe('citations ▴');
    click(button('year'));
    await vi.waitFor(() => expect(titles(root)).toEqual(['Delta', 'Alpha', 'Gamma', 'Beta'])); // 2020, 2010, 2005, 2001
    click(button('year'));
    await vi.waitFor(() => expect(titles(root)).toEqual(['Beta', 'Gamma', 'Alpha', 'Delta']));
    click(button('title'));
    await vi.waitFor(() => expect(titles(root)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']));
    click(button('title'));
    await vi.waitFor(() => expect(titles(root)).toEqual(['Gamma', 'Delta', 'Beta', 'Alpha']));
    expect(button('title').getAttribute('aria-pressed')).toBe('true');
  });
  it('nextSort', () => {
    expect(nextSort({ key: 'citations', dir: 'desc' }, 'citations')).toEqual({ key: 'citations', dir: 'asc' });
    expect(nextSort({ key: 'citations', dir: 'asc' }, 'title')).toEqual({ key: 'title', dir: 'asc' });
  });
});

describe('search', () => {
  it('ignores case and accents: "macat" finds "Mačát", "schoning" finds "Schöning"', async () => {
    expect(workMatches(works[0]!, foldQuery('macat'))).toBe(true);
    expect(workMatches(works[3]!, foldQuery('SCHONING'))).toBe(true);
    expect(workMatches(works[1]!, foldQuery('macat'))).toBe(false);
    const root = mount(() => <WorksTable works={works} data={{ now: () => new Date(AT) }} />);
    const input = root.querySelector('input[type="search"]') as unknown as { value: string; dispatchEvent(e: unknown): void };
    input.value = 'macat';
    input.dispatchEvent(new dom.window.Event('input'));
    await vi.waitFor(() => expect(titles(root)).toEqual(['Beta']));
  });
});

describe('join and split', () => {
  it('joining two works keeps the first work’s version in the versions list', async () => {
    // Two of Ernst's Scholar rows (venues as the page prints them), joined by the user in the table.
    const captures = [{ key: 'google-scholar:ernst', capture: ernst() }];
    const before = mergeAll(captures);
    const jcss = before.works.find((w) => w.venue === 'Journal of Computer and System Sciences 77 (4), 652-664')!;
    const ieee = before.works.find((w) => w.venue === 'IEEE access 6, 53019-53033')!;
    const decided: UserDecision[] = [];
    const root = mount(() => <WorksTable works={[jcss, ieee]} data={{ now: () => new Date(AT) }} decide={async (ds) => void decided.push(...ds)} />);
    for (const box of root.querySelectorAll('tbody input[type="checkbox"]')) box.dispatchEvent(new dom.window.Event('change'));
    await vi.waitFor(() => expect(text(root.querySelector('.selection .small'))).toBe('2 selected'));
    click([...root.querySelectorAll('.selection button')].find((b) => text(b) === 'Join selected into one work')!);
    await vi.waitFor(() => expect(decided).toHaveLength(1));
    // The first work is the first of the table's list (here JCSS, row 7 of the page).
    expect(decided[0]).toEqual({ kind: 'join-works', works: [`rec:google-scholar:ernst#${jcss.members[0]!.index}`, `rec:google-scholar:ernst#${ieee.members[0]!.index}`], at: AT });
    const joined = mergeAll(captures, decided).works.find((w) => w.members.length === 2 && w.members.some((m) => m.index === jcss.members[0]!.index))!;
    // Both published versions are listed, each with its own venue and record; before, only IEEE's was.
    expect(joined.versions.map((v) => [v.kind, v.venue, v.members.map((m) => m.index)])).toEqual([
      ['published', 'IEEE access 6, 53019-53033', [0]],
      ['published', 'Journal of Computer and System Sciences 77 (4), 652-664', [6]],
    ]);
  });

  it('a work selected, or the pointer on "split this record out", reads ahead its records (prefetch); unselecting does not', async () => {
    // SYNTHETIC works: one of two records, one of one.
    const two: MergedWork = { ...work('w', 'Joined', 3, 2020), members: [member('google-scholar:x', 0), member('dblp:y', 2)] };
    const one = work('google-scholar:z', 'Alone', 1, 2019);
    const asked: string[][] = [];
    const data = { now: () => new Date(AT), prefetch: (rows: string[]) => void asked.push(rows) };
    const root = mount(() => <WorksTable works={[two, one]} data={data} decide={async () => undefined} />);
    const box = (i: number) => root.querySelectorAll('tbody input[type="checkbox"]')[i]!;
    box(0).dispatchEvent(new dom.window.Event('change'));
    await vi.waitFor(() => expect(text(root.querySelector('.selection .small'))).toBe('1 selected'));
    expect(asked).toEqual([['google-scholar:x#0', 'dblp:y#2']]);
    box(1).dispatchEvent(new dom.window.Event('change'));
    await vi.waitFor(() => expect(text(root.querySelector('.selection .small'))).toBe('2 selected'));
    expect(asked[1]).toEqual(['google-scholar:z#0']);
    // Unselected: nothing more to read.
    box(1).dispatchEvent(new dom.window.Event('change'));
    await vi.waitFor(() => expect(text(root.querySelector('.selection .small'))).toBe('1 selected'));
    expect(asked).toHaveLength(2);
    root.querySelector('.members button')!.dispatchEvent(new dom.window.Event('pointerenter'));
    expect(asked[2]).toEqual(['google-scholar:x#0', 'dblp:y#2']);
    // Without curation (no decide) the table asks for nothing.
    const asked2: string[][] = [];
    const plain = mount(() => <WorksTable works={[one]} data={{ now: () => new Date(AT), prefetch: (rows: string[]) => void asked2.push(rows) }} />);
    plain.querySelector('tbody input[type="checkbox"]')!.dispatchEvent(new dom.window.Event('change'));
    await vi.waitFor(() => expect(text(plain.querySelector('.selection .small'))).toBe('1 selected'));
    expect(asked2).toEqual([]);
  });

  it('without a user join, one version per kind as before', () => {
    const all = mergeAll([{ key: 'google-scholar:ernst', capture: ernst() }]).works;
    for (const w of all) expect(new Set(w.versions.map((v) => v.kind)).size).toBe(w.versions.length);
  });

  it('"split this record out" is set off from the quoted title by a space', () => {
    const two: MergedWork = { ...work('w', 'Joined', 3, 2020), members: [member('google-scholar:x', 0), member('dblp:y', 2)] };
    const own = (m: MemberRef) => (m.index === 0 ? 'Joined' : 'Joined, extended');
    const root = mount(() => <WorksTable works={[two]} data={{ now: () => new Date(AT) }} decide={async () => undefined} titleOf={own} />);
    const li = root.querySelectorAll('.members li')[1]!;
    const button = li.querySelector('button')!;
    expect(button.textContent).toBe('split this record out');
    expect(button.previousSibling!.textContent).toBe(' ');
    expect(li.textContent).toContain('“Joined, extended” split this record out');
  });
});

describe('windowing', () => {
  // SYNTHETIC: many works, as the list of all works of a large library.
  const many = (n: number) => Array.from({ length: n }, (_, i) => work(`w${i}`, `Work ${i}`, n - i, 2000 + (i % 20)));
  const drawn = (root: Element) => root.querySelectorAll('tbody tr[data-work]').length;

  it("a person's works (up to 300) are drawn whole, with no spacer", () => {
    const root = mount(() => <WorksTable works={many(300)} data={{ now: () => new Date(AT) }} />);
    expect(drawn(root)).toBe(300);
    expect(root.querySelectorAll('tbody tr.spacer')).toHaveLength(0);
  });

  it('a longer list draws the first screen and a spacer of the rest; the table still states every row', () => {
    const root = mount(() => <WorksTable works={many(2_000)} data={{ now: () => new Date(AT) }} />);
    const n = drawn(root);
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(100);
    expect(root.querySelector('table')!.getAttribute('aria-rowcount')).toBe('2001');
    const spacers = [...root.querySelectorAll('tbody tr.spacer')];
    expect(spacers).toHaveLength(1);
    expect(spacers[0]!.getAttribute('aria-hidden')).toBe('true');
    // Most cited first: the first drawn row is the first work, numbered after the header row.
    expect(root.querySelector('tbody tr[data-work]')!.getAttribute('aria-rowindex')).toBe('2');
    expect(titles(root)[0]).toBe('Work 0');
  });

  it('"Draw every row" draws the whole list (for find and browse mode), and again only the screen when pressed again', async () => {
    const root = mount(() => <WorksTable works={many(600)} data={{ now: () => new Date(AT) }} />);
    const button = () => [...root.querySelectorAll('button')].find((b) => text(b) === 'Draw every row')!;
    expect(button().getAttribute('aria-pressed')).toBe('false');
    click(button());
    await vi.waitFor(() => expect(drawn(root)).toBe(600));
    expect(root.querySelectorAll('tbody tr.spacer')).toHaveLength(0);
    expect(button().getAttribute('aria-pressed')).toBe('true');
    click(button());
    await vi.waitFor(() => expect(drawn(root)).toBeLessThan(100));
  });

  it('offers no such button where every row is drawn anyway', () => {
    const root = mount(() => <WorksTable works={many(300)} data={{ now: () => new Date(AT) }} />);
    expect([...root.querySelectorAll('button')].some((b) => text(b) === 'Draw every row')).toBe(false);
  });
});

describe('a patch re-drawn from its change alone', () => {
  it('rows, count and value lists after a join patched in are those of the patched works drawn from scratch', async () => {
    // SYNTHETIC: a join of Beta and Delta patched into the four works, as patchResult makes it.
    const before: LightResult = { works, people: [], unresolvedDecisions: [], stats: { captures: 4, records: 4, works: 4, people: 0 } };
    const joined = { ...work('a', 'Beta', 5, 2001, ['Jan Mačát']), members: [member('a'), member('d')] };
    const after = patchResult(before, { works: [joined], people: [] });
    expect(worksPatchedFrom(after.works)?.from).toBe(works);
    let set: (w: readonly LightWork[]) => void = () => {};
    function Holder() {
      const [ws, setWs] = useState<readonly LightWork[]>(works);
      set = setWs;
      return <WorksTable works={ws} data={{ now: () => new Date(AT) }} />;
    }
    const root = mount(() => <Holder />);
    expect(titles(root)).toEqual(['Alpha', 'Beta', 'Delta', 'Gamma']);
    set(after.works);
    await vi.waitFor(() => expect(titles(root)).toEqual(['Alpha', 'Beta', 'Gamma']));
    expect(text(root.querySelector('p[role=status]'))).toMatch(/^3 of 3 works/);
    // The year menu lost 2020 (Delta's year) with the work.
    const years = [...root.querySelectorAll('select')][0]!;
    expect([...years.querySelectorAll('option')].map((o) => text(o))).toEqual(['Any', '2010', '2005', '2001']);
    // The same as the patched works drawn afresh.
    const fresh = mount(() => <WorksTable works={after.works} data={{ now: () => new Date(AT) }} />);
    expect(titles(fresh)).toEqual(titles(root));
  });
});

describe('a row moved by a patch is not drawn again', () => {
  it('a work joined in above moves the rows below (their aria-rowindex), and their cells are not rendered again', async () => {
    // SYNTHETIC: a work of two records (its cells ask titleOf for each record when drawn) below two single works.
    const pair: MergedWork = { ...work('p', 'Pair', 3, 2019), members: [member('google-scholar:p', 0), member('dblp:p', 1)] };
    const start = [work('x', 'Xi', 9, 2001), work('y', 'Ypsilon', 8, 2002), pair];
    const before: LightResult = { works: start, people: [], unresolvedDecisions: [], stats: { captures: 3, records: 4, works: 3, people: 0 } };
    // Xi and Ypsilon joined (a patch replacing both rows): one row fewer above Pair.
    const joined = { ...work('x', 'Xi', 9, 2001), members: [member('x'), member('y')] };
    const after = patchResult(before, { works: [joined], people: [] });
    const asked: string[] = [];
    const titleOf = (m: MemberRef) => (asked.push(m.captureKey), undefined);
    let set: (w: readonly LightWork[]) => void = () => {};
    // One data object, as the dashboard's.
    const data = { now: () => new Date(AT) };
    function Holder() {
      const [ws, setWs] = useState<readonly LightWork[]>(start);
      set = setWs;
      return <WorksTable works={ws} data={data} decide={async () => undefined} titleOf={titleOf} />;
    }
    const root = mount(() => <Holder />);
    const rowOf = (id: string) => root.querySelector(`tbody tr[data-work="${id}"]`)!;
    expect(rowOf('p').getAttribute('aria-rowindex')).toBe('4');
    expect(asked.filter((k) => k.endsWith(':p'))).toHaveLength(2);
    asked.length = 0;
    set(after.works);
    await vi.waitFor(() => expect(titles(root)).toEqual(['Xi', 'Pair']));
    expect(rowOf('p').getAttribute('aria-rowindex')).toBe('3');
    // The joined work is new (drawn, asking for its two records); Pair's cells were kept as they were.
    expect(asked.filter((k) => k.endsWith(':p'))).toEqual([]);
    expect(asked.sort()).toEqual(['x', 'y']);
  });
});
