// The figures a page states beside its owner's name, kept in the confirmed
// capture's person. SYNTHETIC snippets (written here, marked as such): no
// aggregator or researcher-portal page is saved in the fixtures.

import { describe, expect, it } from 'vitest';
import { ownerMetrics } from './owner-metrics';
import { readList } from './index';
import { previewPage } from '../../shell/read-list';
import { listCapture } from '../../ui/popup/list-capture';
import { validateCapture } from '../../core/validate';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureDoc } from '../../../tests/helpers/fixtures';

const works = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<li class="paper"><a class="paper-title" href="/p/${i}">A study of topic number ${i + 1} in learning systems</a>
      <div class="authors">Jane Doe, Wei Zhang</div><span class="year">${2020 + (i % 4)}</span> <span class="cites">Cited by ${10 + i}</span></li>`,
  ).join('\n');

// SYNTHETIC: an aggregator-style profile header (name, then label/number tiles), then the list.
const AGGREGATOR = `<html><head><title>Jane Doe | Papers</title></head><body>
  <header class="profile"><h1>Jane Doe</h1><p>University of Somewhere</p>
    <div class="stats"><div class="stat"><span>h-index</span><b>23</b></div>
    <div class="stat"><span>Citations</span><b>12,415</b></div><div class="stat"><span>Papers</span><b>60</b></div></div>
  </header>
  <ul class="papers">${works(6)}</ul></body></html>`;

describe('figures stated beside the owner (synthetic snippets)', () => {
  it('reads h-index, citations and papers from an aggregator-style header', () => {
    const r = readList(parseHtml(AGGREGATOR), new URL('https://papers.example.org/author/jane-doe'), FIXED_NOW);
    expect(r.works).toHaveLength(6);
    expect(r.ownerGuess).toBe('Jane Doe');
    expect(r.ownerMetrics).toEqual({ hIndex: 23, citations: 12415, papers: 60 });
  });

  it('reads figures on one line and in other languages', () => {
    // SYNTHETIC: "Name · h-index: 7 · 1.234 citas · 41 publicaciones" and a German header.
    const es = parseHtml('<div><h2>Ana Pérez</h2><p>Índice h: 7 · 1.234 citas · 41 publicaciones</p></div>');
    expect(ownerMetrics(es, 'Ana Pérez')).toEqual({ hIndex: 7, citations: 1234, papers: 41 });
    const de = parseHtml('<section><h1>Max Müller</h1><ul><li>Zitationen 3.210</li><li>Publikationen 88</li><li>h-Index 19</li></ul></section>');
    expect(ownerMetrics(de, 'Max Müller')).toEqual({ hIndex: 19, citations: 3210, papers: 88 });
    const ja = parseHtml('<div><h1>山田 太郎</h1><span>h指数 12</span> <span>被引用数 1,024</span> <span>論文数 45</span></div>');
    expect(ownerMetrics(ja, '山田 太郎')).toEqual({ hIndex: 12, citations: 1024, papers: 45 });
  });

  it('states nothing when the page shows no figure beside the name, or not the name', () => {
    // SYNTHETIC: the counts are the works' own ("Cited by 10"), inside a box far larger than a header.
    const plain = `<html><body><h1>Jane Doe</h1><ul class="papers">${works(6)}</ul></body></html>`;
    expect(readList(parseHtml(plain), new URL('https://example.org/jane'), FIXED_NOW).ownerMetrics).toBeUndefined();
    expect(ownerMetrics(parseHtml(AGGREGATOR), 'Someone Else')).toBeUndefined();
    expect(ownerMetrics(parseHtml(AGGREGATOR), undefined)).toBeUndefined();
    // Two figures side by side are not one number; a rounded figure ("12k citations") is not the page's count.
    expect(ownerMetrics(parseHtml('<div><h1>Jane Doe</h1><p>h-index 23 120 citations</p></div>'), 'Jane Doe')).toEqual({ hIndex: 23, citations: 120 });
    // A rounded figure ("12k citations") is not the page's count.
    expect(ownerMetrics(parseHtml('<div><h1>Jane Doe</h1><p>12k citations</p></div>'), 'Jane Doe')).toBeUndefined();
  });

  it('the real ACL Anthology author page states no such figures', () => {
    const r = readList(fixtureDoc('acl_anthology/author_andreas-madsack_2021.html'), new URL('https://aclanthology.org/people/a/andreas-madsack/'), FIXED_NOW);
    expect(r.ownerMetrics).toBeUndefined();
  });

  it('the confirmed capture keeps them in the person; an unconfirmed list has no person', () => {
    const preview = previewPage(parseHtml(AGGREGATOR), new URL('https://papers.example.org/author/jane-doe'), FIXED_NOW);
    expect(structuredClone(preview)).toEqual(preview);
    const c = listCapture(preview, { confirmed: true, name: 'Jane Doe' }, FIXED_NOW);
    expect(validateCapture(c).ok).toBe(true);
    expect(c.person).toEqual({ name: 'Jane Doe', metrics: { hIndex: 23, citations: 12415, papers: 60 } });
    const l = listCapture(preview, { confirmed: false, name: 'Jane Doe' }, FIXED_NOW);
    expect(l.person).toBeUndefined();
    expect(validateCapture(l).ok).toBe(true);
  });
});
