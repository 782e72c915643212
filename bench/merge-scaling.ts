// Merge scaling: mergeAll on 1k, 10k and 100k synthetic works built from real
// fixture titles, timed, with memory after each run. `npx tsx bench/merge-scaling.ts`
// prints the figures; `npm run bench` includes them through runMergeScaling().
//
// How the works are built (deterministic, no randomness):
// - titles: every title of Rui Tan's DBLP XML, A. Turing's Semantic Scholar
//   response and Jason Ernst's Scholar profile (real fixtures), cycled; the
//   k-th copy of a title gets a qualifier from the same titles' words ("…:
//   <word> <word>"), so the distinct works share real vocabulary and big
//   blocking groups, as a large library does;
// - authors: 2–5 synthetic people per work (family names from the DBLP file
//   with a letter code, never shared between distinct works), so distinct
//   works never merge;
// - controlled duplicates: every 5th work appears again on a second "site"
//   (title case changed, authors as initials, same year), every 10th has a
//   preprint version (venue CoRR, a year earlier, an arXiv id) and every 20th
//   a DOI on both records in two spellings (https resolver, upper case). So the
//   expected number of merged works is known and checked.
// Works are spread over captures of 500 (author pages of a synthetic person).

import { fixtureText } from '../tests/helpers/fixtures';
import type { Capture, Work } from '../src/core/capture';
import { mergeAll } from '../src/core/merge/index';
import type { StoredCaptureLike } from '../src/core/merge/types';

export interface ScalingFigure {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  note?: string;
}

const fixture = fixtureText;
const unescape = (s: string) => s.replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>');

function realTitles(): string[] {
  const dblp = fixture('dblp/person_00-5179_RuiTan.xml');
  const fromDblp = [...dblp.matchAll(/<title>([\s\S]*?)<\/title>/g)].map((m) => unescape(m[1]!.replace(/<[^>]+>/g, '')).replace(/\.$/, ''));
  const s2 = JSON.parse(fixture('semantic_scholar/api_author_2262347_turing.json')) as { papers: { title?: string }[] };
  const scholar = fixture('google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html');
  const fromScholar = [...scholar.matchAll(/class="gsc_a_at"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => unescape(m[1]!.replace(/\s+/g, ' ').trim()));
  const all = [...fromDblp, ...s2.papers.map((p) => p.title ?? ''), ...fromScholar].map((t) => t.trim()).filter((t) => t.split(' ').length >= 4);
  return [...new Set(all)];
}

function realFamilies(): string[] {
  const dblp = fixture('dblp/person_00-5179_RuiTan.xml');
  const names = [...dblp.matchAll(/<author[^>]*>([^<]+)<\/author>/g)].map((m) => m[1]!.trim().split(/\s+/).pop()!.replace(/\d+$/, ''));
  return [...new Set(names)].filter((n) => /^[A-Za-z]+$/.test(n));
}

function letters(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    s = String.fromCharCode(97 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const GIVEN = ['Anna', 'Bruno', 'Chen', 'Dana', 'Elif', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas'];

export interface Workload {
  captures: StoredCaptureLike[];
  records: number;
  expectedWorks: number;
}

export function buildWorkload(distinct: number): Workload {
  const titles = realTitles();
  const families = realFamilies();
  const vocab = [...new Set(titles.flatMap((t) => t.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 5))];
  const primary: Work[] = [];
  const secondary: Work[] = [];
  let expectedWorks = 0;
  for (let i = 0; i < distinct; i++) {
    const base = titles[i % titles.length]!;
    const copy = Math.floor(i / titles.length);
    const title = copy === 0 ? base : `${base}: ${vocab[(copy * 7) % vocab.length]} ${vocab[(copy * 13 + i) % vocab.length]} ${letters(copy)}`;
    const n = 2 + (i % 4);
    const people = Array.from({ length: n }, (_, k) => ({ given: GIVEN[(i + k) % GIVEN.length]!, family: `${families[(i + k) % families.length]}${letters(i * 5 + k)}` }));
    const year = 1990 + (i % 35);
    const work: Work = { title, authors: people.map((p) => `${p.given} ${p.family}`), year, venue: 'Journal of Synthetic Studies', citations: i % 97 };
    if (i % 20 === 0) work.ids = { doi: `10.5555/bench.${i}` };
    primary.push(work);
    expectedWorks++;
    if (i % 5 === 0) {
      const dup: Work = { title: title.toUpperCase(), authors: people.map((p) => `${p.given[0]} ${p.family}`), year, citations: (i % 97) + 1 };
      if (i % 20 === 0) dup.ids = { doi: `https://doi.org/10.5555/BENCH.${i}` };
      secondary.push(dup);
    }
    if (i % 10 === 3) secondary.push({ title, authors: work.authors!, year: year - 1, venue: 'CoRR', type: 'preprint', ids: { arxiv: `${2000 + (i % 25)}.${String(10000 + (i % 89999)).padStart(5, '0')}` } });
  }
  const captures: StoredCaptureLike[] = [];
  const pack = (site: string, works: Work[]) => {
    for (let start = 0, page = 0; start < works.length; start += 500, page++) {
      const capture: Capture = {
        format: 'scholar-lens.capture',
        version: 1,
        source: site,
        pageKind: 'author',
        url: `https://${site}.example/people/${page}`,
        capturedAt: '2026-11-22T10:00:00.000Z',
        person: { name: `${GIVEN[page % GIVEN.length]} ${families[page % families.length]}${letters(page)}x` },
        works: works.slice(start, start + 500),
      };
      captures.push({ key: `${site}:${page}`, capture });
    }
  };
  pack('site-a', primary);
  pack('site-b', secondary);
  return { captures, records: primary.length + secondary.length, expectedWorks };
}

export async function runMergeScaling(sizes: number[] = [1_000, 10_000, 100_000]): Promise<ScalingFigure[]> {
  const out: ScalingFigure[] = [];
  for (const size of sizes) {
    const w = buildWorkload(size);
    const t0 = performance.now();
    const result = mergeAll(w.captures, []);
    const ms = performance.now() - t0;
    const mem = process.memoryUsage();
    const label = `merge ${size.toLocaleString('en')} works (${w.records.toLocaleString('en')} records)`;
    const note = `merged into ${result.works.length} works, expected ${w.expectedWorks}`;
    out.push(
      { name: `${label}: total`, value: ms / 1000, unit: 's', note },
      { name: `${label}: per record`, value: (ms * 1000) / w.records, unit: 'µs' },
      { name: `${label}: rss after`, value: mem.rss / 2 ** 20, unit: 'MiB' },
      { name: `${label}: heap used after`, value: mem.heapUsed / 2 ** 20, unit: 'MiB' },
    );
    if (result.works.length !== w.expectedWorks) out.push({ name: `${label}: merge count off by`, value: result.works.length - w.expectedWorks, unit: 'works' });
  }
  out.push(...abstractsFigure(10_000));
  return out;
}

/**
 * The same workload where every record carries an abstract (as OpenAlex and
 * Semantic Scholar captures do) and every fifth work also appears as a
 * title-less abstract-only record on a list page, so placement by abstract
 * does its full work. Abstracts are five real titles of the workload joined
 * (the work's own and four others'), so neighbours share sentences.
 */
export function withAbstracts(size: number): { captures: StoredCaptureLike[]; records: number; orphans: number } {
  const w = buildWorkload(size);
  const works = w.captures.flatMap((c) => c.capture.works ?? []);
  works.forEach((x, i) => {
    x.abstract = `${[0, 7, 13, 29, 31].map((k) => works[(i + k) % works.length]!.title).join('. ')}.`;
  });
  const orphans: Work[] = works.filter((_, i) => i % 5 === 0).map((x) => ({ abstract: x.abstract!, flags: ['no-title'] }));
  const list: Capture = { ...w.captures[0]!.capture, pageKind: 'list', works: orphans };
  delete list.person;
  return { captures: [...w.captures, { key: 'list:abstract-only', capture: list }], records: works.length + orphans.length, orphans: orphans.length };
}

function abstractsFigure(size: number): ScalingFigure[] {
  const { captures, records, orphans } = withAbstracts(size);
  const t0 = performance.now();
  mergeAll(captures, []);
  const ms = performance.now() - t0;
  const label = `merge ${size.toLocaleString('en')} works with abstracts + ${orphans.toLocaleString('en')} abstract-only (${records.toLocaleString('en')} records)`;
  return [
    { name: `${label}: total`, value: ms / 1000, unit: 's' },
    { name: `${label}: per record`, value: (ms * 1000) / records, unit: 'µs' },
  ];
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  for (const f of await runMergeScaling()) console.log(`${f.name.padEnd(60)} ${f.value.toFixed(f.value >= 100 ? 0 : 2).padStart(10)} ${f.unit}${f.note ? `  (${f.note})` : ''}`);
}
