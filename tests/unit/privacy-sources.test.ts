// Scraped strings are never inserted as HTML, and no code is evaluated from
// strings: a scan of the extension's own sources (the UI, the entrypoints, and
// everything they import from src/). Built files are checked in tests/e2e/privacy.test.ts.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx|js|jsx|html)$/.test(name) ? [p] : [];
  });
}

const FORBIDDEN: [RegExp, string][] = [
  [/\binnerHTML\b/, 'innerHTML'],
  [/\bouterHTML\s*=/, 'outerHTML assignment'],
  [/\binsertAdjacentHTML\b/, 'insertAdjacentHTML'],
  [/\bdangerouslySetInnerHTML\b/, 'dangerouslySetInnerHTML'],
  [/\bdocument\.write(ln)?\s*\(/, 'document.write'],
  [/\bcreateContextualFragment\b/, 'createContextualFragment'],
  [/(?<![.\w])eval\s*\(/, 'eval'],
  [/\bnew\s+Function\s*\(/, 'new Function'],
  [/\bset(Timeout|Interval)\s*\(\s*['"`]/, 'timer with a string'],
  [/<script[^>]+src\s*=\s*["']?https?:/i, 'remote script'],
];

describe('extension sources', () => {
  const all = ['src', 'entrypoints'].flatMap((d) => files(join(ROOT, d)));

  it('src/ui and entrypoints exist and are scanned', () => {
    expect(all.some((f) => f.includes(join('src', 'ui')))).toBe(true);
    expect(all.some((f) => f.includes('entrypoints'))).toBe(true);
  });

  it('never insert HTML from strings nor evaluate strings as code', () => {
    const hits: string[] = [];
    for (const f of all) {
      readFileSync(f, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          // Comments may name the forbidden calls (to explain why they are not used).
          if (/^\s*(\/\/|\*)/.test(line)) return;
          for (const [re, what] of FORBIDDEN) if (re.test(line)) hits.push(`${f.slice(ROOT.length + 1)}:${i + 1}: ${what}`);
        });
    }
    expect(hits).toEqual([]);
  });
});
