// Unit checks of the format pieces: keys, escaping, names, backup round trip
// and import plan, bibliography import, report, file names.

import { describe, expect, test } from 'vitest';
import { METRIC_DEFINITIONS, citationCountsNote, computeMetrics, unknownMetrics } from '../../src/core/metrics';
import { validateCapture } from '../../src/core/validate';
import { makeBackup, parseBackup, planImport, serializeBackup, type StoredCaptureRecord } from '../../src/formats/backup';
import { bibtexEntry, escapeLatex } from '../../src/formats/bibtex';
import { workToCsl } from '../../src/formats/csl';
import { csvCell } from '../../src/formats/csv';
import { exportAs, fileNameFor } from '../../src/formats/index';
import { importBibliography, ImportError } from '../../src/formats/import';
import { citationKeys, withCitationKeys } from '../../src/formats/keys';
import { parseName } from '../../src/formats/names';
import { FIXED_NOW } from '../helpers/fixtures';
import { ernst, handBuilt, newton } from '../helpers/format-records';

describe('citation keys', () => {
  test('family + year + first significant word, lower-case ASCII', () => {
    const keys = withCitationKeys(handBuilt.map((w, i) => workToCsl(w, String(i)))).map((i) => i.id);
    // From the page metadata in tests/helpers/format-records.ts: "How many…" skips the stop word "How";
    // "Teven Le Scao"'s family name is "Le Scao" (a capitalised particle stays in it).
    expect(keys).toEqual(['bandyopadhyayghosh2010vitro', 'finzel2018chemical', 'lescao2021many', 'sen2020empir']);
  });
  test('collisions get a, b, c in input order and are unique', () => {
    const n = newton().works!;
    const keys = citationKeys(n.map((w, i) => workToCsl(w, String(i))));
    expect(new Set(keys).size).toBe(keys.length);
    // Newton's profile lists "Principios matemáticos de la filosofía natural…" in 1998 and 1982 (checked in the HTML):
    expect(keys).toContain('newton1998principios');
    expect(keys).toContain('newton1982principios');
    expect(keys.filter((k) => /[a-z]$/.test(k) && /\d[a-z]+[a-z]$/.test(k)).length).toBeGreaterThan(0);
    expect(citationKeys(n.map((w, i) => workToCsl(w, String(i))))).toEqual(keys);
  });
  test('accents dropped, no author gives anon, no year nd', () => {
    // SYNTHETIC records.
    expect(citationKeys([workToCsl({ title: 'Über Öl', authors: ['Jürgen Schöning'] }, 'x'), workToCsl({ title: 'The Thing' }, 'y')])).toEqual([
      'schoning' + 'nd' + 'uber',
      'anonndthing',
    ]);
  });
});

describe('BibTeX escaping', () => {
  test('LaTeX specials escaped, UTF-8 kept, -- ligature broken', () => {
    expect(escapeLatex('A & B 50% $x_1$ #1 {y} ~ ^ \\ naïve -- Ωμέγα')).toBe(
      'A \\& B 50\\% \\$x\\_1\\$ \\#1 \\{y\\} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} naïve -{}- Ωμέγα',
    );
  });
  test('arXiv preprint: @misc with eprint and archivePrefix; url/doi verbatim', () => {
    const e = bibtexEntry(withCitationKeys([workToCsl(handBuilt[3]!, 'x')])[0]!);
    expect(e).toMatch(/^@misc\{sen2020empir,/);
    expect(e).toContain('eprint = {2004.10162},');
    expect(e).toContain('archivePrefix = {arXiv},');
    expect(e).toContain('title = {{EMPIR}: Ensembles of Mixed Precision Deep Networks');
    // SYNTHETIC DOI with an underscore stays raw in the verbatim field.
    expect(bibtexEntry(workToCsl({ title: 't', ids: { doi: '10.1234/a_b' } }, 'k'))).toContain('doi = {10.1234/a_b},');
  });
});

test('names: particles, comma form, initials, single names (more in formats-venue-names.test.ts)', () => {
  expect(parseName('MS de Heredia')).toEqual({ family: 'Heredia', given: 'M. S.', 'non-dropping-particle': 'de' });
  expect(parseName('Sen, Sanchari')).toEqual({ family: 'Sen', given: 'Sanchari' });
  expect(parseName('JB Ernst')).toEqual({ family: 'Ernst', given: 'J. B.' });
  expect(parseName('Alhazen')).toEqual({ literal: 'Alhazen' });
});

test('CSV cells: RFC 4180 quoting, formula prefix on text only', () => {
  expect(csvCell('a,b')).toBe('"a,b"');
  expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  expect(csvCell('=1+1')).toBe("'=1+1");
  expect(csvCell('@x')).toBe("'@x");
  expect(csvCell('\tx')).toBe("'\tx");
  expect(csvCell(-0)).toBe('0');
  expect(csvCell(485)).toBe('485');
  expect(csvCell(undefined)).toBe('');
});

describe('JSON backup', () => {
  const rec = (key: string, firstSeen: string, lastSeen: string): StoredCaptureRecord => ({ key, firstSeen, lastSeen, capture: ernst() });
  test('round trip restores exactly', () => {
    const b = makeBackup(
      {
        captures: [rec('google-scholar:SbUmSEAAAAAJ', '2026-01-01T00:00:00.000Z', '2026-11-22T10:00:00.000Z')],
        decisions: [{ kind: 'join-works', works: ['doi:10.1/x', 'arxiv:2004.10162'], at: '2026-11-01T00:00:00.000Z' }],
        settings: { siteSettings: { auto: { dblp: false }, collectAllDelayMs: 3000 } },
      },
      FIXED_NOW,
    );
    const parsed = parseBackup(serializeBackup(b));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rejected).toEqual([]);
    expect(parsed.backup).toEqual(b);
  });
  test('decisions about one person and one work round-trip; malformed ones are reported', () => {
    const at = '2026-11-01T00:00:00.000Z';
    const b = makeBackup(
      {
        captures: [rec('google-scholar:SbUmSEAAAAAJ', at, at)],
        decisions: [
          { kind: 'confirm-work', person: 'gscholar:SbUmSEAAAAAJ', work: 'rec:dblp:x#3', at, id: 'attribution:gscholar:SbUmSEAAAAAJ|rec:dblp:x#3' },
          { kind: 'remove-work', person: 'gscholar:SbUmSEAAAAAJ', work: 'doi:10.1/x', at },
        ],
      },
      FIXED_NOW,
    );
    const parsed = parseBackup(serializeBackup(b));
    expect(parsed.ok && parsed.rejected).toEqual([]);
    expect(parsed.ok && parsed.backup).toEqual(b);
    const bad = [
      { kind: 'remove-work', work: 'doi:10.1/x', at },
      { kind: 'confirm-work', person: 'gscholar:SbUmSEAAAAAJ', at },
      { kind: 'remove-work', person: 'gscholar:SbUmSEAAAAAJ', work: 7, at },
      { kind: 'confirm-work', person: ['gscholar:SbUmSEAAAAAJ'], work: 'doi:10.1/x', at },
      { kind: 'remove-work', person: '', work: 'doi:10.1/x', at },
      // A pair-shaped decision of the new kinds is not one of them.
      { kind: 'confirm-work', works: ['doi:10.1/x', 'doi:10.1/y'], at },
      { kind: 'remove-work', person: 'gscholar:SbUmSEAAAAAJ', work: 'doi:10.1/x', at: 'yesterday' },
    ];
    const withBad = parseBackup(JSON.stringify({ ...b, decisions: [...b.decisions, ...bad] }));
    expect(withBad.ok).toBe(true);
    if (!withBad.ok) return;
    expect(withBad.backup.decisions).toEqual(b.decisions);
    expect(withBad.rejected.map((r) => r.at)).toEqual(bad.map((_, i) => `decisions[${i + 2}]`));
    expect(withBad.rejected[0]!.errors[0]).toMatch(/person, work/);
  });
  test('invalid captures are reported, not imported', () => {
    const good = rec('google-scholar:a', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    const bad = { ...good, key: 'google-scholar:b', capture: { ...good.capture, url: 'ftp://x' } };
    const text = JSON.stringify({ ...makeBackup({ captures: [good] }, FIXED_NOW), captures: [good, bad, 'junk'], decisions: [{ kind: 'nope' }] });
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.captures.map((c) => c.key)).toEqual(['google-scholar:a']);
    expect(parsed.rejected.map((r) => r.at)).toEqual(['captures[1]', 'captures[2]', 'decisions[0]']);
    expect(parsed.rejected[0]!.errors.join(' ')).toMatch(/capture\.url/);
    expect(parseBackup('{"format":"other"}').ok).toBe(false);
    expect(parseBackup('{"format":"scholar-lens.backup","version":2}')).toEqual({ ok: false, errors: [expect.stringMatching(/version 2/)] });
  });
  // Issue 14: a tampered backup is checked at the boundary like a message from a tab.
  test('a record under another source\'s key, and settings this version does not keep, are reported, not imported', () => {
    const good = rec('google-scholar:SbUmSEAAAAAJ', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    const forged = { ...good, key: 'dblp:00/5179' };
    const text = JSON.stringify({
      ...makeBackup({ captures: [good] }, FIXED_NOW),
      captures: [good, forged],
      settings: JSON.parse('{"__proto__": {"polluted": true}, "siteSettings": {"auto": {"__proto__": false, "dblp": "no", "orcid": false}, "collectAllDelayMs": -5}, "theme": "dark"}'),
    });
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.backup.captures.map((c) => c.key)).toEqual(['google-scholar:SbUmSEAAAAAJ']);
    expect(parsed.rejected).toEqual([
      { at: 'captures[1]', key: 'dblp:00/5179', errors: ['key: not a key of its capture\'s source "google-scholar"'] },
      { at: 'settings.__proto__', errors: ['not a setting Scholar Lens keeps'] },
      { at: 'settings.theme', errors: ['not a setting Scholar Lens keeps'] },
    ]);
    // The site settings, made whole: booleans only, the default pause for a negative one.
    expect(JSON.parse(JSON.stringify(parsed.backup.settings))).toEqual(JSON.parse('{"siteSettings": {"auto": {"__proto__": false, "orcid": false}, "collectAllDelayMs": 2000}}'));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
  test('planImport: exact into an empty store, idempotent, never older over newer', () => {
    const b = makeBackup({ captures: [rec('k', '2026-02-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z')] }, FIXED_NOW);
    const first = planImport({ captures: [], decisions: [] }, b);
    expect(first.captures).toEqual(b.captures);
    const again = planImport({ captures: first.captures, decisions: first.decisions }, b);
    expect(again.captures).toEqual([]);
    expect(again.unchanged).toBe(1);
    const newer: StoredCaptureRecord = { ...rec('k', '2026-01-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z') };
    newer.capture = { ...newer.capture, capturedAt: '2026-12-01T00:00:00.000Z' };
    const merged = planImport({ captures: [newer], decisions: [] }, b);
    expect(merged.captures).toEqual([]);
  });
});

describe('bibliography import', () => {
  test('BibTeX with LaTeX → list capture that validates; arXiv from eprint', () => {
    // SYNTHETIC file in BibTeX syntax, carrying the arXiv page's metadata (format-records.ts).
    const bib = `@misc{sen2020empir,
  author = {Sen, Sanchari and Ravindran, Balaraman and Raghunathan, Anand},
  title = {{EMPIR}: Ensembles of Mixed Precision Deep Networks for Increased Robustness against Adversarial Attacks},
  year = {2020}, month = {4}, eprint = {2004.10162v1}, archivePrefix = {arXiv},
}
@article{x, author = {Sch{\\"o}ning, J{\\"u}rgen}, title = {Caf{\\'e} \\& Co}, journal = {J}, year = 2019, doi = {10.1234/ABC}}`;
    const c = importBibliography(bib, 'my refs.bib', { now: FIXED_NOW });
    expect(validateCapture(c).ok).toBe(true);
    expect(c.pageKind).toBe('list');
    expect(c.source).toBe('bibliography');
    expect(c.url).toBe('urn:scholar-lens:import:my%20refs.bib');
    expect(c.works![0]).toMatchObject({ title: handBuilt[3]!.title, authors: ['Sanchari Sen', 'Balaraman Ravindran', 'Anand Raghunathan'], year: 2020, date: '2020-04', ids: { arxiv: '2004.10162' }, type: 'preprint' });
    expect(c.works![1]).toMatchObject({ title: 'Café & Co', authors: ['Jürgen Schöning'], ids: { doi: '10.1234/abc' }, venue: 'J', type: 'article' });
  });
  test('our own CSL-JSON export imports back; owner makes it an author capture', () => {
    const csl = exportAs('csl', { items: withCitationKeys(handBuilt.map((w, i) => workToCsl(w, String(i)))) });
    const c = importBibliography(csl, 'x-csl.json', { owner: 'Kati Finzel', now: FIXED_NOW });
    expect(validateCapture(c).ok).toBe(true);
    expect(c.pageKind).toBe('author');
    expect(c.person).toEqual({ name: 'Kati Finzel' });
    expect(c.works!.map((w) => [w.title, w.year, w.ids])).toEqual(handBuilt.map((w) => [w.title, w.year, w.ids]));
    expect(() => importBibliography('not a bibliography', 'x.bib')).toThrow(ImportError);
  });
});

test('metrics report lists every metric with its definition, stated beside computed', () => {
  const e = ernst();
  const computed = computeMetrics(e.works!, { currentYear: 2024, person: { name: 'Jason Ernst' } });
  const report = { personName: 'Jason Ernst', computed: computed as unknown as Record<string, unknown>, definitions: METRIC_DEFINITIONS, stated: [{ source: 'google-scholar', metrics: e.person!.metrics! }] };
  const md = exportAs('report-md', { report });
  for (const d of Object.values(METRIC_DEFINITIONS)) expect(md).toContain(d.label);
  // Stated 1083 citations / h 14 / i10 17 (gsc_rsb_std cells); SOURCES.tsv: the 58 rows sum to 1083, h=14, i10=17.
  expect(md).toMatch(/\| Citations \| 1083 \| 1083 \|/);
  expect(md).toMatch(/\| h-index \| 14 \| 14 \|/);
  expect(md).toMatch(/\| i10-index \| 17 \| 17 \|/);
  expect(md).toMatch(/\| Citations since 2019 \| — \| 806 \|/);
  const csv = exportAs('report-csv', { report });
  expect(csv.split('\r\n')[0]).toBe('\uFEFFperson,metric,label,computed,stated_google-scholar,definition,definition_source');
});

test('metrics report: unknown is written as unknown, with the reason, never as 0 or blank', () => {
  // SYNTHETIC person with two dated works and no citation counts (as from DBLP).
  const computed = computeMetrics([{ year: 2020, authors: ['Ada Person'] }, { year: 2022, authors: ['Ada Person'] }], { currentYear: 2024 });
  const report = {
    personName: 'Ada Person',
    computed: computed as unknown as Record<string, unknown>,
    definitions: METRIC_DEFINITIONS,
    stated: [],
    unknown: unknownMetrics(computed),
    citationCounts: citationCountsNote(computed)!,
  };
  const md = exportAs('report-md', { report });
  expect(md).toContain('Citation metrics: no site gave citation counts for these works, so every metric built on citation counts is unknown.');
  expect(md).toMatch(/\| h-index \| unknown \|/);
  expect(md).toMatch(/\| ACC1 \| unknown \|/);
  expect(md).toMatch(/\| Papers \| 2 \|/);
  expect(md).toMatch(/\| Years \| 5 \|/); // 2024 − 2020 + 1
  const csv = exportAs('report-csv', { report });
  expect(csv).toContain('Ada Person,hIndex,h-index,unknown,');
  expect(csv).toContain('Ada Person,firstYear,First year,2020,');
});

test('file names: person, date, format', () => {
  const d = new Date(2026, 10, 22);
  expect(fileNameFor({ personName: 'Ada Lovelace' }, 'bibtex', d)).toBe('ada-lovelace-2026-11-22.bib');
  expect(fileNameFor({ personName: 'Jürgen Schöning' }, 'csl', d)).toBe('jurgen-schoning-2026-11-22-csl.json');
  expect(fileNameFor({}, 'json', d)).toBe('scholar-lens-2026-11-22-backup.json');
  expect(fileNameFor({ selection: true }, 'report-md', d)).toBe('scholar-lens-selection-2026-11-22-metrics.md');
});
