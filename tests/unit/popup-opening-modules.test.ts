// What the popup loads to open (README, bench table: ≤ 40 kB gzip, measured
// by bench/bundle-size.ts on a build) stays free of the code it loads on
// demand: the export writers and citation styles, the work record, the
// merge's provenance code, every metric's definition (the report), Read this
// page's preview with the capture validation it stores through, and any
// site's adapter or the generic readers. Checked on the source, without a
// build: the modules the popup's entry reaches through static imports, each
// imported name followed to the module that defines it (through re-exports,
// as the bundler does: a module that only passes a name on is not loaded for
// the names it does not pass). Dynamic `import()`s are not followed there;
// every module of the list must be reached once they are (the list is not
// stale, and those modules are still loaded when asked for).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const ENTRY = join(ROOT, 'entrypoints/popup/main.tsx');

/** Loaded on a click (export, copy, report, Read this page), never to open. */
const ON_DEMAND = [
  'src/formats/index.ts',
  'src/formats/cite-styles.ts',
  'src/ui/components/WorkRecord.tsx',
  'src/core/provenance.ts',
  'src/core/merge/shown.ts',
  'src/core/person-report.ts',
  'src/core/metrics/definitions.ts',
  'src/ui/popup/ReadListPreview.tsx',
  'src/ui/popup/list-capture.ts',
  'src/core/validate.ts',
];
/** Never in the popup at all (the readers' display names aside). */
const NEVER = [/^src\/sites\/[^/]+\/index\.ts$/, /^src\/readers\/(?!names\.ts$)/, /^src\/adapters\/registry\.ts$/];

interface Mod {
  /** Value imports: [name, specifier]; '*' for a namespace or side-effect import (the whole module). */
  imports: [string, string][];
  /** Names re-exported from another module: exported name → [specifier, name there]. */
  reexports: Map<string, [string, string]>;
  /** `export * from`. */
  stars: string[];
  /** Names the module defines as values (types left out: they are erased). */
  values: Set<string>;
  dynamic: string[];
}

const cache = new Map<string, Mod>();

function resolveFrom(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined; // a package (preact, idb, …): not ours
  const base = resolve(dirname(from), spec);
  for (const f of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) if (/\.tsx?$/.test(f) && existsSync(f)) return f;
  return undefined; // CSS, JSON
}

/** The names of an import or export clause's braces, without `type` ones: [name as written there, local/exported name]. */
function names(clause: string): [string, string][] {
  return clause
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && !s.startsWith('type '))
    .map((s) => {
      const [a, b] = s.split(/\s+as\s+/);
      return [a!.trim(), (b ?? a)!.trim()];
    });
}

function parse(file: string): Mod {
  const hit = cache.get(file);
  if (hit) return hit;
  const src = readFileSync(file, 'utf8');
  const m: Mod = { imports: [], reexports: new Map(), stars: [], values: new Set(), dynamic: [] };
  // Statements start a line (the sources are formatted); clauses may span lines.
  for (const [, type, clause, spec] of src.matchAll(/^import\s+(type\s+)?([^'";]*?)\s+from\s+'([^']+)'/gm)) {
    if (type) continue;
    const braces = /\{([\s\S]*)\}/.exec(clause!);
    const outside = clause!.replace(/\{[\s\S]*\}/, '').replace(/,/g, ' ').trim();
    if (braces) for (const [n] of names(braces[1]!)) m.imports.push([n, spec!]);
    if (/^\*\s+as\s+/.test(outside)) m.imports.push(['*', spec!]);
    else if (outside) m.imports.push(['default', spec!]);
  }
  for (const [, spec] of src.matchAll(/^import\s+'([^']+)'/gm)) m.imports.push(['*', spec!]);
  for (const [, type, clause, spec] of src.matchAll(/^export\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)'/gm))
    if (!type) for (const [there, here] of names(clause!)) m.reexports.set(here, [spec!, there]);
  for (const [, spec] of src.matchAll(/^export\s+\*\s+(?:as\s+\w+\s+)?from\s+'([^']+)'/gm)) m.stars.push(spec!);
  for (const [, n] of src.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|enum)\s+(\w+)/gm)) m.values.add(n!);
  if (/^export\s+default\s/m.test(src)) m.values.add('default');
  for (const [, clause] of src.matchAll(/^export\s+\{([^}]*)\}\s*;?\s*$/gm)) for (const [, here] of names(clause!)) m.values.add(here);
  for (const [, spec] of src.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) m.dynamic.push(spec!);
  cache.set(file, m);
  return m;
}

/** The module that defines `name` as seen from `file`, through re-exports; undefined for a type or a name not ours. */
function definer(file: string, name: string, seen = new Set<string>()): string | undefined {
  const key = `${file}#${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const m = parse(file);
  if (m.values.has(name)) return file;
  const re = m.reexports.get(name);
  if (re) {
    const to = resolveFrom(file, re[0]);
    return to && definer(to, re[1], seen);
  }
  for (const s of m.stars) {
    const to = resolveFrom(file, s);
    const d = to && definer(to, name, seen);
    if (d) return d;
  }
  return undefined;
}

function reached(dynamic: boolean): Set<string> {
  const seen = new Set<string>([ENTRY]);
  const queue = [ENTRY];
  const add = (f: string | undefined) => {
    if (f && !seen.has(f)) {
      seen.add(f);
      queue.push(f);
    }
  };
  while (queue.length) {
    const file = queue.shift()!;
    const m = parse(file);
    for (const [name, spec] of m.imports) {
      const to = resolveFrom(file, spec);
      if (!to) continue;
      if (name === '*') {
        add(to);
        const t = parse(to);
        for (const [s] of t.reexports.values()) add(resolveFrom(to, s));
        for (const s of t.stars) add(resolveFrom(to, s));
      } else add(definer(to, name));
    }
    if (dynamic) for (const spec of m.dynamic) add(resolveFrom(file, spec));
  }
  return new Set([...seen].map((f) => relative(ROOT, f).split('\\').join('/')));
}

describe('the popup opens without the code it loads on demand', () => {
  const opening = reached(false);
  const all = reached(true);

  it('reaches its own modules statically (the check sees the imports)', () => {
    for (const f of ['src/ui/popup/Popup.tsx', 'src/ui/popup/ReadThisPage.tsx', 'src/ui/components/MetricsHeadline.tsx', 'src/core/metrics/headline-definitions.ts', 'src/core/person-figures.ts', 'src/store/store.ts'])
      expect(opening.has(f), f).toBe(true);
  });

  it('imports none of the on-demand modules statically', () => {
    expect(ON_DEMAND.filter((f) => opening.has(f))).toEqual([]);
  });

  it('still reaches every one of them through its dynamic imports', () => {
    expect(ON_DEMAND.filter((f) => !all.has(f))).toEqual([]);
  });

  it('loads no site adapter, no generic reader and not the registry, even on demand', () => {
    expect([...all].filter((f) => NEVER.some((re) => re.test(f)))).toEqual([]);
  });
});
