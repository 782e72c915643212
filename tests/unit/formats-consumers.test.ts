// The exports checked by the tools people open them with: pandoc's citeproc
// renders BibTeX and CSL-JSON, citation-js reads BibTeX and RIS back,
// papaparse reads the CSV back. Records: real Scholar profiles read by the
// real adapter, hand-copied article metadata, and synthetic tricky titles
// (tests/helpers/format-records.ts).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import Papa from 'papaparse';
import type { Work } from '../../src/core/capture';
import { workToCsl, type CslItem } from '../../src/formats/csl';
import { WORKS_CSV_HEADER, workRow } from '../../src/formats/csv';
import { exportAs } from '../../src/formats/index';
import { withCitationKeys } from '../../src/formats/keys';
import { fullFamily, parseName } from '../../src/formats/names';
import { ernst, handBuilt, newton, synthetic } from '../helpers/format-records';

let dir = '';
let real: Work[] = [];
let items: CslItem[] = [];

beforeAll(() => {
  const probe = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0)
    throw new Error('pandoc is not installed; these tests need it: apt-get install pandoc');
  dir = mkdtempSync(join(tmpdir(), 'scholar-lens-formats-'));
  const e = ernst();
  const n = newton();
  // Checked by hand: the profiles list 58 and 100 rows (SOURCES.tsv notes; Newton's page is pagesize=100).
  expect(e.works).toHaveLength(58);
  expect(n.works).toHaveLength(100);
  real = [...handBuilt, ...e.works!, ...n.works!];
  items = withCitationKeys([...real, ...synthetic].map((w, i) => workToCsl(w, `w${i}`)));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

function pandoc(bibFile: string, keys: string[]): { out: string; err: string } {
  const md = join(dir, 'cite.md');
  writeFileSync(md, `Works: ${keys.map((k) => `[@${k}]`).join(' ')}\n`);
  const r = spawnSync('pandoc', ['--citeproc', '--bibliography', bibFile, '-t', 'plain', '--wrap=none', md], { encoding: 'utf8' });
  if (r.error) throw r.error;
  expect(r.status).toBe(0);
  return { out: r.stdout, err: r.stderr };
}

describe('pandoc --citeproc', () => {
  for (const format of ['bibtex', 'csl'] as const) {
    test(`renders the ${format} export with no warnings and every entry`, () => {
      const file = join(dir, format === 'bibtex' ? 'refs.bib' : 'refs.json');
      writeFileSync(file, exportAs(format, { items }));
      const { out, err } = pandoc(file, items.map((i) => i.id));
      expect(err).toBe('');
      const text = squash(out);
      for (const it of items) expect(text, it.title).toContain(squash(it.title!));
      // Every entry is one bibliography paragraph after the citing line.
      const paragraphs = out.split(/\n\s*\n/).filter((p) => p.trim());
      expect(paragraphs.length).toBe(items.length + 1);
    });
  }
  test('the arXiv preprint renders with its arXiv link (BibTeX eprint / CSL number)', () => {
    const empir = items.find((i) => i.title?.startsWith('EMPIR'))!;
    const bib = join(dir, 'one.bib');
    writeFileSync(bib, exportAs('bibtex', { items: [empir] }));
    expect(pandoc(bib, [empir.id]).out).toContain('https://arxiv.org/abs/2004.10162');
  });
});

const asFamily = (n: Record<string, unknown>) =>
  [n['non-dropping-particle'], n.family ?? n.literal].filter(Boolean).join(' ');

function expectSameRecords(parsed: Record<string, unknown>[], source: Work[]) {
  expect(parsed).toHaveLength(source.length);
  parsed.forEach((p, i) => {
    const w = source[i]!;
    expect(p.title, w.title).toBe(w.title!.replace(/\s+/g, ' '));
    const authors = (p.author as Record<string, unknown>[] | undefined) ?? [];
    expect(authors.map(asFamily), w.title).toEqual((w.authors ?? []).map((a) => { const n = parseName(a); return n.literal ?? fullFamily(n); }));
    expect(authors.map((a) => a.given ?? ''), w.title).toEqual((w.authors ?? []).map((a) => parseName(a).given ?? ''));
    const issued = p.issued as { 'date-parts': number[][] } | undefined;
    expect(issued?.['date-parts'][0]?.[0], w.title).toBe(w.year);
    expect(p.DOI, w.title).toBe(w.ids?.doi);
  });
}

/** The venue's parts and the entry type come back as written: journal, volume, issue, pages. */
function expectSameVenues(parsed: Record<string, unknown>[], written: CslItem[], format: 'bibtex' | 'ris') {
  parsed.forEach((p, i) => {
    const it = written[i]!;
    for (const k of ['volume', 'issue', 'page'] as const) expect(p[k], `${it.title} ${k}`).toBe(it[k]);
    // citation-js reads a CPAPER's T2 as the event's title (the RIS tag table's reading); BibTeX's booktitle as the container.
    const container = format === 'ris' && it.type === 'paper-conference' ? p['event-title'] : p['container-title'];
    if (it.type !== 'document' && it.type !== 'patent') expect(container, it.title).toBe(it['container-title']);
    // citation-js reads @article as article-journal, @inproceedings as paper-conference, @incollection as chapter.
    if (format === 'bibtex' && ['article-journal', 'paper-conference', 'chapter', 'book'].includes(it.type)) expect(p.type, it.title).toBe(it.type);
  });
}

describe('citation-js reads the exports back', () => {
  test('BibTeX: same titles, authors, years and DOIs', () => {
    const all = [...real, ...synthetic];
    const parsed = plugins.input.chain(exportAs('bibtex', { items }), { generateGraph: false });
    expectSameRecords(parsed, all);
    expectSameVenues(parsed, items, 'bibtex');
    // citation-js keeps keys: unique, as written.
    expect(parsed.map((p) => p.id)).toEqual(items.map((i) => i.id));
  });
  test('RIS: same titles, authors, years and DOIs', () => {
    const all = [...real, ...synthetic];
    // citation-js's RIS reader only takes DOIs with a 4+ digit registrant (all real ones);
    // the synthetic DOI 10.1234/… qualifies too.
    const parsed = plugins.input.chain(exportAs('ris', { items }), { generateGraph: false });
    expectSameRecords(parsed, all);
    expectSameVenues(parsed, items, 'ris');
  });
});

// Issue 14, finding 9. SYNTHETIC records: DOIs with the characters real DOIs
// may hold (braces, SICI punctuation, TeX specials), titles with every line
// and paragraph separator.
describe('identifiers and separators survive the readers', () => {
  const DOIS = ['10.1000/a{b}c', '10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0', '10.1000/a_b~c#d%e&f^g$h', '10.1000/{nested{braces}}'];
  const doiItems = () => withCitationKeys(DOIS.map((doi, i) => workToCsl({ title: `DOI case ${i}`, authors: ['Jane Doe'], year: 2020, ids: { doi } }, `d${i}`)));

  test('BibTeX writes a DOI as it is: citation-js and pandoc read back the same DOI, braces included', () => {
    const its = doiItems();
    const bib = exportAs('bibtex', { items: its });
    // (The url field is the DOI's doi.org address, where percent-encoded braces are the same address.)
    expect(bib).not.toMatch(/doi = \{[^\n]*%7[BD]/);
    const parsed = plugins.input.chain(bib, { generateGraph: false }) as { DOI?: string }[];
    expect(parsed.map((p) => p.DOI)).toEqual(DOIS);
    const file = join(dir, 'dois.bib');
    writeFileSync(file, bib);
    const r = spawnSync('pandoc', [file, '-f', 'bibtex', '-t', 'csljson'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { DOI?: string }[]).map((p) => p.DOI)).toEqual(DOIS);
  });

  test('BibTeX: a DOI whose braces do not pair up goes in as its doi.org address, never as another DOI', () => {
    const [item] = withCitationKeys([workToCsl({ title: 'Unpaired', year: 2020, ids: { doi: '10.1000/x{y' } }, 'u')]);
    const bib = exportAs('bibtex', { items: [item!] });
    expect(bib).not.toMatch(/doi = |note = /);
    const [p] = plugins.input.chain(bib, { generateGraph: false }) as { URL?: string }[];
    expect(p?.URL).toBe('https://doi.org/10.1000/x%7By');
    // With an address of its own, the DOI is said in the note, as text.
    const [own] = withCitationKeys([{ ...workToCsl({ title: 'Unpaired', year: 2020, ids: { doi: '10.1000/x{y' } }, 'u'), URL: 'https://example.org/paper' }]);
    const [q] = plugins.input.chain(exportAs('bibtex', { items: [own!] }), { generateGraph: false }) as { URL?: string; note?: string }[];
    expect(q).toMatchObject({ URL: 'https://example.org/paper', note: 'DOI: 10.1000/x{y' });
  });

  // What Python's str.splitlines breaks at, as its documentation lists them; \r\n ends a RIS line.
  const BREAKS = ['\n', '\r', '\v', '\f', '\x1c', '\x1d', '\x1e', '\x85', '\u2028', '\u2029'];
  test('RIS: no value is cut by a reader that breaks lines at NEL, U+2028/2029 or the information separators', () => {
    const title = `Before${BREAKS.join('x')}after`;
    const [item] = withCitationKeys([workToCsl({ title, authors: ['Jane Doe'], year: 2020 }, 'r')]);
    const ris = exportAs('ris', { items: [item!] });
    const lines = ris.split(new RegExp(`\\r\\n|[${BREAKS.join('')}]`));
    for (const l of lines) expect(l, JSON.stringify(l)).toMatch(/^(?:[A-Z][A-Z0-9]  - .*)?$/);
    const ti = lines.find((l) => l.startsWith('TI  - '));
    expect(ti).toBe(`TI  - Before${BREAKS.map(() => ' ').join('x')}after`);
    const [back] = plugins.input.chain(ris, { generateGraph: false }) as { title?: string }[];
    expect(back?.title).toBe(ti!.slice(6));
  });
});

describe('papaparse reads the CSV back', () => {
  test('equal to the data, with the formula-injection apostrophe as the only change', () => {
    const csv = exportAs('csv', { items });
    // Typing only the numeric columns: an arXiv id such as 2004.10162 is text, not a number.
    const parsed = Papa.parse<Record<string, unknown>>(csv.replace(/^\uFEFF/, ''), {
      header: true,
      dynamicTyping: { year: true, citations: true },
      skipEmptyLines: true,
    });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...WORKS_CSV_HEADER]);
    const rows = parsed.data;
    expect(rows).toHaveLength(items.length);
    rows.forEach((row, i) => {
      const want = Object.fromEntries(
        workRow(items[i]!).map((c, j) => [
          WORKS_CSV_HEADER[j],
          c === undefined ? (j === 4 || j === 17 ? null : '') : typeof c === 'string' && /^[=+\-@\t\r]/.test(c) ? `'${c}` : c,
        ]),
      );
      expect(row).toEqual(want);
    });
    // Spot checks against the pages: Ernst's first row has 485 citations (gsc_a_ac), year 2018.
    const decentral = rows.find((r) => r.title === 'Decentralized applications: The blockchain-empowered software system')!;
    expect(decentral.year).toBe(2018);
    expect(decentral.citations).toBe(485);
    // The page's "W Cai, Z Wang, JB Ernst, …, VCM Leung" with the initials spelled out.
    expect(decentral.authors).toBe('W. Cai; Z. Wang; J. B. Ernst; Z. Hong; C. Feng; V. C. M. Leung');
    // Its venue "IEEE access 6, 53019-53033" in parts.
    expect([decentral.venue, decentral.type, decentral.volume, decentral.issue, decentral.pages]).toEqual(['IEEE access', 'article-journal', '6', '', '53019-53033']);
    // Synthetic: the multi-line, quoted, comma title survives as is.
    expect(rows.some((r) => r.title === 'Commas, "quotes", and a\nline break')).toBe(true);
    expect(rows.some((r) => r.title === '量子场论导论' && r.venue === '物理学报')).toBe(true);
    expect(rows.some((r) => r.title === `'=HYPERLINK("http://example.invalid","x")` && r.venue === "'-minus venue")).toBe(true);
  });
});

test('pandoc is the real binary', () => {
  expect(execFileSync('pandoc', ['--version'], { encoding: 'utf8' })).toMatch(/^pandoc /);
});
