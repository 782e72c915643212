// Loading the real saved pages in tests/fixtures/ (provenance in
// tests/fixtures/SOURCES.tsv). Never hand-written HTML.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadHtml, parseXml } from '../../src/node/dom';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export function fixturePath(rel: string): string {
  return join(FIXTURES, rel);
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

/** A fixed capture time so captures are comparable across runs. */
export const FIXED_NOW = new Date('2026-11-22T10:00:00.000Z');
