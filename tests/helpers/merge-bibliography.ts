// The hand-labeled bibliography merge set (tests/data/merge-bibliography/):
// a researcher's two lists of their own works turned into the captures the
// merge takes, each record carrying its label id in `ref` so a merged work's
// members can be compared with the labels.
//
// - The Scholar list (al-folio's citations.yml, or FanCheng's
//   google_scholar.json) becomes a Google Scholar author page capture shaped
//   as the Scholar adapter writes one: person name + ids.gscholar, and per row
//   title, year, citations and ids.gscholar = the row's "USER:ROW".
// - A BibTeX file goes through the project's own readBibliography with the
//   owner's name and Scholar id, exactly as `cli merge --owner --scholar-user`
//   reads it, so what the import leaves out is part of what is measured.
// - FanCheng's _publications/*.md were generated from the ORCID works API:
//   they become an ORCID author capture shaped as the ORCID adapter writes one
//   (title, date, venue, DOI; no authors, which ORCID work summaries lack),
//   because that is the page the user would capture for that list.

import { load } from 'js-yaml';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Capture, Person, Work } from '../../src/core/capture';
import type { StoredCaptureLike } from '../../src/core/merge';
import { canonicalDoi, cleanText, compact } from '../../src/core/text';
import { readBibtexEntries, type ImportProblem } from '../../src/formats/bibtex-read';
import { cslToWork, readBibliography } from '../../src/formats/import';
import { dataText, FIXED_NOW, fixturePath, fixtureText } from './fixtures';

export interface LabeledEntry {
  /** `scholar:<USER:ROW>`, `bib:<citation key>` or `md:<file name>`. */
  id: string;
  title: string;
  year?: number;
  why?: string;
}

export interface LabeledResearcher {
  folder: string;
  person: string;
  scholarUser: string;
  files: { scholar: string; bibliography?: string; orcidWorks?: string };
  counts: { scholar: number; other: number };
  groups: { members: LabeledEntry[]; why?: string }[];
  uncertain: { pair: [string, string]; why: string }[];
  notTheirs: LabeledEntry[];
}

export interface Split {
  why: string;
  dev: string[];
  test: string[];
}

export const splitOf = (): Split => JSON.parse(dataText('merge-bibliography/split.json')) as Split;

export const labelsOf = (folder: string): LabeledResearcher =>
  JSON.parse(dataText(`merge-bibliography/${folder}.json`)) as LabeledResearcher;

export interface ResearcherInput {
  labels: LabeledResearcher;
  captures: StoredCaptureLike[];
  /** What the bibliography import left out or repaired (readBibliography's problems). */
  problems: ImportProblem[];
}

/** A researcher's two lists as captures; every work's `ref` is its label id. */
export function researcherInput(labels: LabeledResearcher): ResearcherInput {
  const scholar = labels.files.scholar.endsWith('.json') ? scholarJsonCapture(labels) : scholarYamlCapture(labels);
  const captures: StoredCaptureLike[] = [{ key: `google-scholar:user=${labels.scholarUser}`, capture: scholar }];
  let problems: ImportProblem[] = [];
  if (labels.files.bibliography) {
    const bib = bibliographyCapture(labels);
    captures.push(bib.stored);
    problems = bib.problems;
  }
  if (labels.files.orcidWorks) captures.push(orcidMdCapture(labels));
  return { labels, captures, problems };
}

/** Every entry id of the researcher's source files, read from the files themselves (not through the labels). */
export function sourceIds(labels: LabeledResearcher): string[] {
  const ids: string[] = [];
  const scholar = labels.files.scholar;
  if (scholar.endsWith('.json')) ids.push(...scholarJsonRows(scholar).map((r) => `scholar:${r.row}`));
  else ids.push(...Object.keys(citationsYml(scholar).papers).map((k) => `scholar:${k}`));
  // Entry keys as BibTeX writes them; @string, @comment and @preamble are not entries.
  if (labels.files.bibliography)
    for (const m of fixtureText(labels.files.bibliography).matchAll(/^\s*@(\w+)\s*\{\s*([^,\s]+)\s*,/gm))
      if (!/^(string|comment|preamble)$/i.test(m[1]!)) ids.push(`bib:${m[2]}`);
  if (labels.files.orcidWorks) ids.push(...mdFiles(labels.files.orcidWorks).map((f) => `md:${f}`));
  return ids;
}

// ---- Scholar ---------------------------------------------------------------

interface CitationsYml {
  metadata: { last_updated: string };
  papers: Record<string, { citations?: number; title?: string; year?: string | number }>;
}

function citationsYml(file: string): CitationsYml {
  return load(fixtureText(file)) as CitationsYml;
}

/** "2024" → 2024; the file writes "Unknown Year" when Scholar shows none, which is left out as the adapter would. */
const yearOf = (y: unknown): number | undefined => (/^\d{4}$/.test(String(y)) ? Number(y) : undefined);

function scholarPage(labels: LabeledResearcher, capturedAt: string, works: Work[], figures: Pick<Person, 'metrics' | 'citationsByYear'> = {}): Capture {
  return {
    format: 'scholar-lens.capture',
    version: 1,
    source: 'google-scholar',
    pageKind: 'author',
    url: `https://scholar.google.com/citations?user=${labels.scholarUser}`,
    capturedAt,
    person: { name: labels.person, ...figures, ids: { gscholar: labels.scholarUser } },
    works,
  };
}

function scholarYamlCapture(labels: LabeledResearcher): Capture {
  const yml = citationsYml(labels.files.scholar);
  const works = Object.entries(yml.papers).map(([row, p]) =>
    compact<Work>({
      title: cleanText(String(p.title ?? '')),
      year: yearOf(p.year),
      citations: typeof p.citations === 'number' ? p.citations : undefined,
      ids: { gscholar: row },
      ref: `scholar:${row}`,
    }),
  );
  return scholarPage(labels, `${yml.metadata.last_updated}T00:00:00.000Z`, works);
}

interface ScholarJson {
  updated: string;
  metrics?: { citations?: { all?: number }; h_index?: { all?: number }; i10_index?: { all?: number } };
  citations_by_year?: { year: number; citations: number }[];
  publication_citations: { doi?: string; title: string; citation_count?: number; scholar_url: string }[];
}

function scholarJsonRows(file: string): { row: string; p: ScholarJson['publication_citations'][number] }[] {
  const json = JSON.parse(fixtureText(file)) as ScholarJson;
  return json.publication_citations.map((p) => {
    const row = /citation_for_view=([\w-]+:[\w-]+)/.exec(p.scholar_url)?.[1];
    if (!row) throw new Error(`${file}: a row without a citation_for_view id: ${p.title}`);
    return { row, p };
  });
}

function scholarJsonCapture(labels: LabeledResearcher): Capture {
  const json = JSON.parse(fixtureText(labels.files.scholar)) as ScholarJson;
  const works = scholarJsonRows(labels.files.scholar).map(({ row, p }) =>
    compact<Work>({
      title: cleanText(p.title),
      citations: p.citation_count,
      // The site matched each row to its ORCID work by title and wrote the DOI beside it.
      ids: compact({ gscholar: row, doi: canonicalDoi(p.doi) }),
      ref: `scholar:${row}`,
    }),
  );
  // All-time figures only: the file does not say which year "recent" starts.
  const metrics = compact({ citations: json.metrics?.citations?.all, hIndex: json.metrics?.h_index?.all, i10Index: json.metrics?.i10_index?.all });
  const byYear = Object.fromEntries((json.citations_by_year ?? []).map((y) => [String(y.year), y.citations]));
  return scholarPage(labels, `${json.updated}T00:00:00.000Z`, works, compact({ metrics, citationsByYear: byYear }));
}

// ---- BibTeX ----------------------------------------------------------------

function bibliographyCapture(labels: LabeledResearcher): { stored: StoredCaptureLike; problems: ImportProblem[] } {
  const file = labels.files.bibliography!;
  const text = fixtureText(file);
  // Named by folder: all six files are "papers.bib", and the CLI keys a bibliography by the path given.
  const name = `${labels.folder}/papers.bib`;
  const opts = { now: FIXED_NOW, owner: labels.person, scholarUser: labels.scholarUser };
  const { capture, problems } = readBibliography(text, name, opts);
  // readBibliography does not say which entry each work came from; the entry reader does,
  // in the same order, and a work is kept exactly when cslToWork makes one of the item.
  const read = readBibtexEntries(text, { scholarUser: labels.scholarUser });
  const keys = read.items.map((item, i) => ({ key: read.at[i]!.key, work: cslToWork(item) })).filter((k) => k.work);
  const works = capture.works ?? [];
  if (keys.length !== works.length || keys.some((k, i) => k.work!.title !== works[i]!.title))
    throw new Error(`${file}: the imported works do not line up with the entries read`);
  capture.works = works.map((w, i) => ({ ...w, ref: `bib:${keys[i]!.key}` }));
  return { stored: { key: `bibliography:urn:scholar-lens:import:${encodeURIComponent(name)}`, capture }, problems };
}

// ---- ORCID-synced _publications/*.md -----------------------------------------

function mdFiles(folder: string): string[] {
  return readdirSync(fixturePath(folder)).filter((f) => f.endsWith('.md')).sort();
}

/** The front matter's `key: "value"` lines (the generator writes every field on one line). */
function frontMatter(text: string): Record<string, string> {
  const head = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of head.matchAll(/^([\w-]+):\s*"((?:[^"\\]|\\.)*)"\s*$/gm)) out[m[1]!] = JSON.parse(`"${m[2]!}"`) as string;
  return out;
}

const SOURCE_ORCID = /^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/;

function orcidMdCapture(labels: LabeledResearcher): StoredCaptureLike {
  const folder = labels.files.orcidWorks!;
  const files = mdFiles(folder);
  const fms = files.map((f) => ({ f, fm: frontMatter(fixtureText(join(folder, f))) }));
  const orcid = fms.map((x) => x.fm.source_orcid).find((o) => o && SOURCE_ORCID.test(o));
  if (!orcid) throw new Error(`${folder}: no source_orcid in the front matter`);
  const works = fms.map(({ f, fm }) =>
    compact<Work>({
      title: cleanText(fm.title),
      year: yearOf(fm.date?.slice(0, 4)),
      date: /^\d{4}-\d{2}-\d{2}$/.test(fm.date ?? '') ? fm.date : undefined,
      venue: cleanText(fm.venue),
      ids: compact({ doi: canonicalDoi(fm.doi) }),
      url: fm.link && /^https?:\/\//.test(fm.link) ? fm.link : undefined,
      // The generator files ORCID's journal articles as "manuscripts".
      type: fm.category === 'manuscripts' ? 'article' : undefined,
      ref: `md:${f}`,
    }),
  );
  const capture: Capture = {
    format: 'scholar-lens.capture',
    version: 1,
    source: 'orcid',
    pageKind: 'author',
    url: `https://orcid.org/${orcid}`,
    capturedAt: FIXED_NOW.toISOString(),
    person: { name: labels.person, ids: { orcid } },
    works,
  };
  return { key: `orcid:orcid:${orcid}`, capture };
}
