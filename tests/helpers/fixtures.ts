// The real saved pages are third-party data kept in `../shared/fixtures`
// (provenance in its SOURCES.tsv), beside the project in every checkout and in
// CI. Tests read them there, in place: no copy is committed to this
// repository. `SCHOLAR_LENS_FIXTURES` may point elsewhere.
//
// What the project made itself (labels, expected values, synthetic responses,
// store dumps written by the real store code) lives in `tests/data/` and is
// read with `dataPath` & co.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { loadHtml, parseXml } from '../../src/node/dom';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where the shared real pages are: `$SCHOLAR_LENS_FIXTURES`, else `../shared/fixtures` beside the project. */
export const FIXTURES = resolve(process.env.SCHOLAR_LENS_FIXTURES ?? join(ROOT, '..', 'shared', 'fixtures'));

/** The project's own test data (never third-party pages). */
export const DATA = join(ROOT, 'tests', 'data');

export interface SourceRow {
  site: string;
  pageKind: string;
  /** The path under the fixtures folder (`local_file`), e.g. `dblp/person_00-5179_RuiTan.xml`. */
  path: string;
  notes: string;
}

let rows: SourceRow[] | undefined;

function missing(): Error {
  return new Error(
    `The shared real pages were not found at ${FIXTURES}. They are expected in ../shared/fixtures beside the ` +
      'project (as in every checkout and in CI), or where SCHOLAR_LENS_FIXTURES points.',
  );
}

/** The rows of SOURCES.tsv: every saved page with its provenance. Throws when the shared folder is missing. */
export function sources(): SourceRow[] {
  if (rows) return rows;
  const file = join(FIXTURES, 'SOURCES.tsv');
  if (!existsSync(file)) throw missing();
  const [head, ...lines] = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
  const cols = head!.split('\t');
  const at = (name: string): number => cols.indexOf(name);
  rows = lines.map((l) => {
    const f = l.split('\t');
    return { site: f[at('site')] ?? '', pageKind: f[at('page_kind')] ?? '', path: f[at('local_file')] ?? '', notes: f[at('notes')] ?? '' };
  });
  return rows;
}

/** Every file path SOURCES.tsv names (a row may name a folder: its files count). */
export function sourcePaths(): Set<string> {
  return new Set(sources().map((r) => r.path));
}

/**
 * The absolute path of a shared page, resolved by its SOURCES.tsv path. A page
 * with no provenance row is refused: tests read only pages whose origin is known.
 * A path starting with `tests/data/` names one of the project's own files instead.
 */
export function fixturePath(rel: string): string {
  // The project's own synthetic files are named by their repository path, so a
  // test always shows which kind of file it reads.
  if (rel.startsWith('tests/data/')) return join(ROOT, rel);
  const paths = sourcePaths();
  const listed = paths.has(rel) || [...paths].some((p) => p.endsWith('/') && rel.startsWith(p));
  if (!listed) throw new Error(`${rel} has no row in ${join(FIXTURES, 'SOURCES.tsv')}: tests read only pages of known provenance`);
  const abs = join(FIXTURES, rel);
  if (!existsSync(abs)) throw new Error(`${rel} is listed in SOURCES.tsv but missing from ${FIXTURES}`);
  return abs;
}

export function fixtureBytes(rel: string): Buffer {
  return readFileSync(fixturePath(rel));
}

export function fixtureText(rel: string): string {
  return readFileSync(fixturePath(rel), 'utf8');
}

export function fixtureDoc(rel: string): Document {
  return loadHtml(fixtureBytes(rel));
}

export function fixtureXml(rel: string): Document {
  return parseXml(fixtureText(rel));
}

/** A file of the project's own test data (tests/data/). */
export function dataPath(rel: string): string {
  return join(DATA, rel);
}

export function dataText(rel: string): string {
  return readFileSync(dataPath(rel), 'utf8');
}

/** A fixed capture time so captures are comparable across runs. */
export const FIXED_NOW = new Date('2026-11-22T10:00:00.000Z');

/**
 * Folders of the shared pages whose sites this project reads. The others
 * (lab pages, reference strings, bibliographies, sites with no adapter yet)
 * are the material of open work and are not measured by the site tests.
 */
export const READ_SITE_FOLDERS = [
  'google_scholar', 'arxiv', 'dblp', 'orcid', 'semantic_scholar', 'acl_anthology',
  'pubmed', 'researchgate', 'springer', 'sciencedirect', 'plos', 'nature',
] as const;

/** Shared pages of the sites read today, by SOURCES.tsv path, optionally filtered by file name. */
export function sitePages(test: RegExp = /./): string[] {
  const folders = new Set<string>(READ_SITE_FOLDERS);
  return [...sourcePaths()].filter((p) => folders.has(p.split('/')[0]!) && test.test(p)).sort();
}
