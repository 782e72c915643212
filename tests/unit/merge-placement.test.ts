// Placement of weak records by work and inside the person, the translated-
// abstract signature, and namesake flags. The texts here are SYNTHETIC: written
// for these tests to isolate one rule each (paraphrases in the style of a real
// differential-privacy abstract, and a Chinese rendering of it written here).
// Real records are measured in merge-partial-accuracy and
// merge-bibliography-accuracy.
import { describe, expect, it } from 'vitest';
import { mergeAll } from '../../src/core/merge';
import type { StoredCaptureLike, UserDecision } from '../../src/core/merge';
import type { Capture, PageKind, Person, Work } from '../../src/core/capture';
import { contentTerms, isOpening, openingWords, strongFeatures, TermWeights } from '../../src/core/merge/similarity';

function cap(key: string, source: string, works: Work[], kind: PageKind = 'list', person?: Person): StoredCaptureLike {
  const capture: Capture = { format: 'scholar-lens.capture', version: 1, source, pageKind: kind, url: `https://example.org/${key}`, capturedAt: '2026-11-22T10:00:00.000Z', works };
  if (person) capture.person = person;
  return { key, capture };
}
const groups = (r: ReturnType<typeof mergeAll>) => r.works.map((w) => w.members.map((m) => `${m.captureKey}#${m.index}`).sort()).sort();

const EN =
  'Differential privacy protects training data, but DP-SGD usually costs much accuracy. We show that large models pre-trained on public data close the gap: ' +
  'fine-tuning NFNet-F3 with DP-SGD reaches 81.4% top-1 accuracy on ImageNet and 71.7% on CIFAR-10 at a modest privacy budget.';
const EN_V2 =
  'Training with differential privacy using DP-SGD degrades accuracy. We find that pre-training large models on public data and fine-tuning with DP-SGD recovers it: ' +
  'an NFNet-F3 obtains 81.4% top-1 on ImageNet, and we report 71.7% on CIFAR-10, under a small privacy budget.';
const ZH = '差分隐私保护训练数据，但DP-SGD通常会损失大量准确率。我们表明在公共数据上预训练的大模型可以缩小差距：用DP-SGD微调NFNet-F3在ImageNet上达到81.4%的top-1准确率，在CIFAR-10上达到71.7%。';
const OTHER =
  'We study membership inference attacks against language models trained with DP-SGD and measure leakage on public benchmarks, comparing clipping norms and noise levels.';
const TITLE = 'Unlocking high-accuracy private image classification through scale';

describe('similarity features', () => {
  it('keeps numbers with units and Latin-script names as strong features, also inside CJK text', () => {
    expect([...strongFeatures(EN)].sort()).toEqual(['71.7%', '81.4%', 'cifar-10', 'dp-sgd', 'imagenet', 'nfnet-f3', 'top-1'].sort());
    expect([...strongFeatures(ZH)].sort()).toEqual(['71.7%', '81.4%', 'cifar-10', 'dp-sgd', 'imagenet', 'nfnet-f3', 'top-1'].sort());
  });
  it('compares content words, so a reworded version scores well above another paper of the same field', () => {
    const w = new TermWeights();
    const docs = [EN, EN_V2, OTHER].map(contentTerms);
    for (const d of docs) w.add(d);
    expect(w.cosine(docs[0]!, docs[1]!)).toBeGreaterThan(0.5);
    expect(w.cosine(docs[0]!, docs[2]!)).toBeLessThan(0.3);
  });
});

describe('short previews (snippets)', () => {
  it('reads the opening words of a text as a snippet shows them: folded, letters and digits only', () => {
    expect(openingWords('Differential privacy — “DP-SGD”… costs 81.4%').slice(0, 7)).toEqual(['differential', 'privacy', 'dp', 'sgd', 'costs', '81', '4']);
    const full = openingWords(EN);
    // The first sentence of EN, with its last word cut as a listing cuts it.
    expect(isOpening(openingWords('Differential privacy protects training data, but DP-SGD usually costs much accur…'), full)).toBe(true);
    // The same words in another order, too few words, or the whole text are no opening.
    expect(isOpening(openingWords('Differential privacy protects data for training, but DP-SGD usually costs much accuracy.'), full)).toBe(false);
    expect(isOpening(openingWords('Differential privacy protects training data.'), full)).toBe(false);
    expect(isOpening(full, full)).toBe(false);
  });

  const SNIPPET = 'Differential privacy protects training data, but DP-SGD usually costs much accuracy.';
  it('places a one-sentence snippet that opens one work\'s abstract, on a list page', () => {
    const r = mergeAll([
      cap('a', 'arxiv', [{ title: TITLE, year: 2022, abstract: EN }], 'paper'),
      cap('b', 'arxiv', [{ title: 'Membership inference against private language models', year: 2022, abstract: OTHER }], 'paper'),
      cap('m', 'mirror', [{ abstract: SNIPPET }]),
    ]);
    expect(groups(r)).toEqual([['a#0', 'm#0'], ['b#0']]);
    expect(r.works.find((w) => w.members.length === 2)!.members.find((m) => m.captureKey === 'm')!.placedBy).toBe('abstract');
  });

  it('leaves a snippet alone when it opens two works, or when its words are only shared, not its opening', () => {
    const twin = `${SNIPPET} We instead study federated settings with 12 clients and report 64.2% on FEMNIST.`;
    const two = mergeAll([
      cap('a', 'arxiv', [{ title: TITLE, year: 2022, abstract: EN }], 'paper'),
      cap('b', 'arxiv', [{ title: 'Private federated learning at small scale', year: 2022, abstract: twin }], 'paper'),
      cap('m', 'mirror', [{ abstract: SNIPPET }]),
    ]);
    expect(groups(two)).toEqual([['a#0'], ['b#0'], ['m#0']]);
    const reordered = mergeAll([
      cap('a', 'arxiv', [{ title: TITLE, year: 2022, abstract: EN }], 'paper'),
      cap('m', 'mirror', [{ abstract: 'Much accuracy is what DP-SGD usually costs, but differential privacy protects training data.' }]),
    ]);
    expect(groups(reordered)).toEqual([['a#0'], ['m#0']]);
  });
});

describe('placement by work', () => {
  it('places a title-less record that matches two records of one work equally: one candidate, not an ambiguity', () => {
    const r = mergeAll([
      cap('a', 'arxiv', [{ title: TITLE, year: 2022, abstract: EN, ids: { arxiv: '2204.13650' } }], 'paper'),
      cap('b', 's2', [{ title: TITLE, year: 2022, abstract: EN, ids: { arxiv: '2204.13650' } }], 'paper'),
      cap('c', 'mirror', [{ abstract: EN, flags: ['no-title'] }]),
    ]);
    expect(groups(r)).toEqual([['a#0', 'b#0', 'c#0']]);
    const w = r.works[0]!;
    expect(w.matchedBy).toContain('abstract');
    expect(w.members.find((m) => m.captureKey === 'c')!.placedBy).toBe('abstract');
  });

  it('places another version of the abstract by its content words, and leaves a different paper alone', () => {
    const r = mergeAll([
      cap('a', 'arxiv', [{ title: TITLE, year: 2022, abstract: EN }], 'paper'),
      cap('b', 'arxiv', [{ title: 'Membership inference against private language models', year: 2022, abstract: OTHER }], 'paper'),
      cap('c', 'portal', [{ abstract: EN_V2 }]),
    ]);
    expect(groups(r)).toEqual([['a#0', 'c#0'], ['b#0']]);
  });

  it('places a translated abstract by its signature only with a second signal, and never attributes a list page record to a person', () => {
    const person: Person = { name: 'Soham De', ids: { gscholar: 'AAAAAAAAAAAA' } };
    const base = [
      cap('p', 'google-scholar', [{ title: TITLE, year: 2022, abstract: EN }, { title: 'Another paper on optimisation', year: 2020 }], 'author', person),
      cap('x', 'arxiv', [{ title: 'A different paper on ImageNet', year: 2019, abstract: 'We train on ImageNet and CIFAR-10 and reach 81.4% and 71.7% with a new NFNet-F3 variant and DP-SGD.' }], 'paper'),
    ];
    const withYear = mergeAll([...base, cap('m', 'mirror', [{ abstract: ZH, year: 2022, flags: ['no-title', 'translated-abstract'] }])]);
    const placed = withYear.works.find((w) => w.members.some((m) => m.captureKey === 'm'))!;
    expect(placed.members.map((m) => m.captureKey).sort()).toEqual(['m', 'p']);
    expect(placed.matchedBy).toContain('translated-abstract');
    expect(placed.members.find((m) => m.captureKey === 'm')!.placedBy).toBe('translated-abstract');
    // The person's works are those of their author page; the mirror's record joins the work, the person gets no extra work.
    expect(withYear.people[0]!.workIds).toHaveLength(2);

    const noSignal = mergeAll([...base, cap('m', 'mirror', [{ abstract: ZH, flags: ['no-title', 'translated-abstract'] }])]);
    expect(noSignal.works.find((w) => w.members.some((m) => m.captureKey === 'm'))!.members).toHaveLength(1);
  });

  it("places a reworded title on a person's author page among that person's works, not against the whole library", () => {
    const person = (ids: Record<string, string>): Person => ({ name: 'Jane Q. Doe', ids });
    const works: Work[] = [
      { title: 'Sparse attention kernels for long genomic sequences', year: 2021, authors: ['Jane Q. Doe', 'Ali Khan'] },
      { title: 'Calibrated uncertainty for protein structure prediction', year: 2022, authors: ['Jane Q. Doe', 'Mei Lin'] },
      { title: 'Federated learning of single-cell atlases', year: 2023, authors: ['Jane Q. Doe', 'Ali Khan'] },
    ];
    const scholar = cap('s', 'google-scholar', works, 'author', person({ gscholar: 'BBBBBBBBBBBB' }));
    const lab = cap('l', 'lab', [{ title: 'Sparse attention kernels for genomic sequences of great length' }, ...works.slice(1).map((w) => ({ title: w.title! }))], 'author', person({}));
    const other = cap('o', 'dblp', [{ title: 'Sparse attention kernels for long video sequences', year: 2021, authors: ['Bo Chen'] }], 'list');
    const r = mergeAll([scholar, lab, other]);
    expect(r.people).toHaveLength(1);
    const w = r.works.find((x) => x.members.some((m) => m.captureKey === 'l' && m.index === 0))!;
    expect(w.members.map((m) => `${m.captureKey}#${m.index}`).sort()).toEqual(['l#0', 's#0']);
    expect(w.matchedBy).toContain('in-person');
  });

  it('gives the same works and people in any input order', () => {
    const caps = [
      cap('a', 'arxiv', [{ title: TITLE, year: 2022, abstract: EN }], 'paper'),
      cap('c', 'portal', [{ abstract: EN_V2 }]),
      cap('m', 'mirror', [{ abstract: ZH, year: 2022, flags: ['translated-abstract'] }]),
      cap('b', 'arxiv', [{ title: 'Membership inference against private language models', year: 2022, abstract: OTHER }], 'paper'),
    ];
    const want = JSON.stringify(mergeAll(caps));
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]]) expect(JSON.stringify(mergeAll(order.map((i) => caps[i]!)))).toBe(want);
  });
});

describe('namesakes', () => {
  const me = (ids: Record<string, string>): Person => ({ name: 'Wei Zhang', ids });
  const mine: Work[] = [
    { title: 'Graph neural networks for traffic forecasting', year: 2019, venue: 'KDD', authors: ['Wei Zhang', 'Lin Ma'] },
    { title: 'Spatio-temporal graph transformers', year: 2020, venue: 'NeurIPS', authors: ['Wei Zhang', 'Lin Ma', 'Ravi Rao'] },
    { title: 'Traffic imputation with diffusion models', year: 2022, venue: 'ICLR', authors: ['Wei Zhang', 'Ravi Rao'] },
  ];
  const namesake: Work = { title: 'Hydrothermal alteration of basaltic crust', year: 2021, venue: 'Geochimica et Cosmochimica Acta', authors: ['Wei Zhang', 'Olga Petrov'] };
  const library = () => [
    cap('s', 'google-scholar', mine, 'author', me({ gscholar: 'CCCCCCCCCCCC', orcid: '0000-0002-1825-0097' })),
    cap('d', 'dblp', [...mine, namesake], 'author', me({ dblp: '12/3456', orcid: '0000-0002-1825-0097' })),
  ];
  const flaggedWorkId = (r: ReturnType<typeof mergeAll>) => r.works.find((w) => w.title === namesake.title)!.id;

  it('flags a work only one site lists that shares no co-author, venue or title word with the rest', () => {
    const r = mergeAll(library());
    expect(r.people).toHaveLength(1);
    expect(r.people[0]!.flaggedWorks).toEqual([{ workId: flaggedWorkId(r), reason: 'namesake', source: 'dblp' }]);
  });

  it('is cleared by a confirm, and a remove takes the work off the person', () => {
    const r0 = mergeAll(library());
    const person = r0.people[0]!.id;
    const work = flaggedWorkId(r0);
    const confirm: UserDecision = { kind: 'confirm-work', person, work, at: '2026-11-23T10:00:00.000Z' };
    const confirmed = mergeAll(library(), [confirm]);
    expect(confirmed.people[0]!.flaggedWorks).toBeUndefined();
    expect(confirmed.people[0]!.workIds).toContain(work);

    const remove: UserDecision = { kind: 'remove-work', person, work, at: '2026-11-24T10:00:00.000Z' };
    const removed = mergeAll(library(), [confirm, remove]);
    expect(removed.people[0]!.workIds).not.toContain(work);
    expect(removed.people[0]!.removedWorkIds).toEqual([work]);
    expect(removed.people[0]!.flaggedWorks).toBeUndefined();
    expect(removed.unresolvedDecisions).toEqual([]);
  });

  it('does not flag a work that shares a co-author, and reports a decision that matches nothing', () => {
    const r = mergeAll(
      [cap('s', 'google-scholar', mine, 'author', me({ gscholar: 'CCCCCCCCCCCC', orcid: '0000-0002-1825-0097' })), cap('d', 'dblp', [...mine, { ...namesake, authors: ['Wei Zhang', 'Lin Ma'] }], 'author', me({ orcid: '0000-0002-1825-0097' }))],
      [{ kind: 'remove-work', person: 'orcid:0000-0002-1825-0097', work: 'doi:10.1/none', at: '2026-11-24T10:00:00.000Z' }],
    );
    expect(r.people[0]!.flaggedWorks).toBeUndefined();
    expect(r.unresolvedDecisions).toHaveLength(1);
  });
});
