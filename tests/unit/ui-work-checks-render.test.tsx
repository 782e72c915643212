// The "Works to check" block and the marks, rendered with Preact into a
// linkedom document from hand-made merged values: what the user reads, and
// the decisions the buttons make (the popup and the dashboard store them and
// merge again). The merge core does not flag works yet; the e2e tests cover
// the wiring once it does.
import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import type { MemberRef, MergedPerson, MergedWork, UserDecision } from '../../src/core/merge/types';
import { WorkChecks } from '../../src/ui/components/WorkChecks';
import { WorksTable } from '../../src/ui/dashboard/WorksTable';
import { siteName } from '../../src/ui/model/person-view';
import { flaggedOf, flagTextById, marksOf, removedOf } from '../../src/ui/model/work-checks';
import { WorkItem } from '../../src/ui/popup/WorkList';
import { textOf, useRenderDom } from '../helpers/render-dom';

const AT = '2026-11-22T10:00:00.000Z';
const empty = { title: [], authors: [], year: [], venue: [], citations: [], abstract: [], url: [], type: [], ids: [] };
const member = (captureKey: string, source: string, extra: Partial<MemberRef> = {}): MemberRef => ({ captureKey, index: 0, source, capturedAt: AT, pageKind: 'author', ...extra });
const work = (id: string, title: string, members: MemberRef[], matchedBy: MergedWork['matchedBy'] = []): MergedWork => ({ id, title, year: 2021, venue: 'J. Ecol.', ids: {}, versions: [], members, matchedBy, fields: empty });

// SYNTHETIC: one work placed by its abstract, one only DBLP lists (flagged), one removed.
const works = [
  work('w:a', 'Private training at scale', [member('google-scholar:x', 'google-scholar'), member('scite:y', 'scite', { placedBy: 'abstract' })], ['abstract']),
  work('w:c', 'Soil bacteria of alpine meadows', [member('dblp:x', 'dblp', { index: 3 })]),
  work('w:d', 'Glacier hydrology', [member('dblp:x', 'dblp', { index: 4 })]),
];
const person: MergedPerson = {
  id: 'gscholar:x',
  name: 'Sam Example',
  nameVariants: [],
  ids: {},
  pages: [],
  stated: [],
  workIds: ['w:a', 'w:c'],
  linkedBy: [],
  suggestions: [],
  flaggedWorks: [{ workId: 'w:c', reason: 'namesake', source: 'dblp' }],
  removedWorkIds: ['w:d'],
  fields: { name: [], affiliation: [], homepage: [] },
};
const result = { works };

const { dom, mount, click } = useRenderDom();
const text = textOf;

describe('works to check', () => {
  it('shows each flag with its site and both buttons, and the removed note with an undo', () => {
    const decided: UserDecision[] = [];
    const root = mount(() => (
      <WorkChecks person={person} flagged={flaggedOf(result, person, siteName)} removed={removedOf(result, person)} decide={(d) => decided.push(d)} at={() => AT} />
    ));
    expect(text(root.querySelector('h2'))).toBe('Works to check');
    const item = root.querySelector('.flagged li')!;
    expect(text(item.querySelector('.title'))).toBe('Soil bacteria of alpine meadows');
    expect(text(item.querySelector('.flag-text'))).toBe('only on DBLP — check that it is theirs');
    const [yes, no] = [...item.querySelectorAll('button')];
    expect([text(yes!), text(no!)]).toEqual(["It's theirs", 'Not theirs']);
    expect(text(root.querySelector('.removed-works summary'))).toBe('1 work removed as not theirs');
    click(yes!);
    click(no!);
    click(root.querySelector('.removed-works button')!);
    expect(decided).toEqual([
      { kind: 'confirm-work', person: 'gscholar:x', work: 'w:c', at: AT },
      { kind: 'remove-work', person: 'gscholar:x', work: 'w:c', at: AT },
      { kind: 'confirm-work', person: 'gscholar:x', work: 'w:d', at: AT },
    ]);
  });

  it('shows nothing when there is nothing to check', () => {
    const root = mount(() => <WorkChecks person={person} flagged={[]} removed={[]} decide={() => undefined} at={() => AT} />);
    expect(root.innerHTML).toBe('');
  });
});

describe('marks in the popup list and the dashboard table', () => {
  it('mark the flagged work and the work placed by abstract, and the record that was', () => {
    const texts = flagTextById(flaggedOf(result, person, siteName));
    const list = mount(() => (
      <ol>
        {works.slice(0, 2).map((w) => (
          <WorkItem work={w} meta={[w.year]} citesTitle="Citations" marks={marksOf(w, texts)} />
        ))}
      </ol>
    ));
    const marks = [...list.querySelectorAll('.mark')].map((m) => [text(m), m.getAttribute('title')]);
    expect(marks).toEqual([
      ['placed by abstract', 'Joined by its abstract.'],
      ['flagged', 'Only on DBLP — check that it is theirs.'],
    ]);
    const decided: UserDecision[] = [];
    const table = mount(() => <WorksTable works={works.slice(0, 2)} data={{ now: () => new Date(AT) }} decide={async (ds) => void decided.push(...ds)} flagTexts={texts} />);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((r) => [...r.querySelectorAll('summary .mark')].map(text))).toEqual([['placed by abstract'], ['flagged']]);
    // The record that joined by its abstract is marked beside its split button.
    const records = [...rows[0]!.querySelectorAll('.members li')];
    expect(records.map((r) => text(r.querySelector('.mark')))).toEqual(['', 'placed by abstract']);
    click(records[1]!.querySelector('button')!);
    expect(decided).toEqual([{ kind: 'split-works', works: ['rec:scite:y#0', 'rec:google-scholar:x#0'], at: AT }]);
  });
});
