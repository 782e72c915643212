// Fuzzed `cli extract`: the real saved pages and data responses of every site,
// damaged by the same seeded mutations fuzz-adapters.test.ts runs on the
// adapters (tests/helpers/mutations.ts), handed to the command as a file with
// the address it was saved from, as a user would run it. Whatever the file
// holds, the command resolves, exits with one of its documented codes
// (src/cli/io.ts EXIT), prints nothing or a valid capture, and says why on
// stderr when it does not exit 0.
//
// Bounded by a case count, not time; repeat a failure from the label's seed.
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/extract';
import { EXIT } from '../../src/cli/io';
import { validateCapture } from '../../src/core/validate';
import { loadHtml } from '../../src/node/dom';
import { nodeRegistry } from '../../src/node/sites';
import { memoryIo } from '../helpers/cli-io';
import { FIXED_NOW, fixtureBytes, fixtureText } from '../helpers/fixtures';
import { elementsOf, mutateBytes, mutateDom, mutateJson, mutateText } from '../helpers/mutations';
import { rng } from '../helpers/prng';
import { SITE_CASES } from '../helpers/site-cases';

const SEED = 20261207;
const NOW = FIXED_NOW.toISOString();
const CODES = new Set<number>(Object.values(EXIT));

// A share of each case's fuzz budget in fuzz-adapters (big pages have small
// budgets there), so a big page costs no more here than it does there.
const DOM_SHARE = 20;
const BYTES_SHARE = 10;
const DATA_SHARE = 8;
const share = (budget: number, of: number) => Math.max(2, Math.ceil(budget / of));

const PAGES = SITE_CASES.flatMap(({ adapter, cases }) =>
  cases.pages.map((p) => ({ site: adapter.id, fixture: p.fixture, url: p.url, dom: share(p.fuzz?.dom ?? 100, DOM_SHARE), bytes: share(p.fuzz?.text ?? 20, BYTES_SHARE) })),
);

// A data API's address belongs to no page rule for some sites: there the
// command takes --site, as its usage says.
const { adapterFor } = nodeRegistry();
const DATA = SITE_CASES.flatMap(({ adapter, cases }) =>
  (cases.data ?? []).map((d) => ({
    site: adapter.id,
    fixture: d.fixture,
    url: d.dataUrl,
    as: d.as,
    siteFlag: adapterFor(new URL(d.dataUrl))?.id === adapter.id ? [] : ['--site', adapter.id],
    n: share(d.fuzz ?? 200, DATA_SHARE),
  })),
);

const tally = { cases: 0, byCode: {} as Record<number, number> };

/** The file name keeps the fixture's extension: the command sniffs .json/.xml by it, as it would on disk. */
const fileName = (fixture: string) => fixture.split('/').pop()!;

/** Run `extract` on one mutated file; the reasons it broke its contract, if any. */
async function extractCase(file: string, content: string | Uint8Array, args: string[]): Promise<string[]> {
  tally.cases++;
  const io = memoryIo({ [file]: content });
  let code: number;
  try {
    code = await run([file, ...args, '--now', NOW], io.cli);
  } catch (err) {
    return [`rejected: ${err instanceof Error ? err.stack?.split('\n').slice(0, 3).join(' | ') : String(err)}`];
  }
  tally.byCode[code] = (tally.byCode[code] ?? 0) + 1;
  const wrong: string[] = [];
  if (!CODES.has(code)) wrong.push(`exit code ${code} is not one of ${[...CODES].join(', ')}`);
  const stdout = io.out();
  if (stdout !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(stdout);
    } catch {
      wrong.push(`stdout is not JSON: ${stdout.slice(0, 80)}`);
    }
    if (parsed !== undefined) {
      const v = validateCapture(parsed);
      if (!v.ok) wrong.push(`invalid capture: ${v.errors.slice(0, 2).join('; ')}`);
    }
  } else if (code === EXIT.ok) wrong.push('exit 0 without a capture');
  if (code !== EXIT.ok && io.err().trim() === '') wrong.push(`exit ${code} with nothing on stderr`);
  return wrong;
}

describe('cli extract on fuzzed real pages', () => {
  for (const [ci, p] of PAGES.entries()) {
    it(`${p.site}: ${p.fixture} (${p.dom} DOM + ${p.bytes} byte mutations)`, async () => {
      const problems: string[] = [];
      const bytes = new Uint8Array(fixtureBytes(p.fixture));
      const file = fileName(p.fixture);
      const args = ['--url', p.url];
      const doc = loadHtml(bytes);
      const els = elementsOf(doc);
      const r = rng(SEED + ci);
      for (let i = 0; i < p.dom; i++) {
        const steps = Array.from({ length: 1 + r.int(4) }, () => mutateDom(doc, els, r));
        // The damaged document written out (as UTF-8 text) is the file the command reads.
        const html = doc.documentElement.outerHTML;
        for (const s of [...steps].reverse()) s.undo();
        const label = `${p.fixture} seed ${SEED + ci} dom#${i} [${steps.map((s) => s.what).join('; ')}]`;
        for (const w of await extractCase(file, html, args)) problems.push(`${label}: ${w}`);
      }
      for (let i = 0; i < p.bytes; i++) {
        const m = mutateBytes(bytes, r, i);
        const label = `${p.fixture} seed ${SEED + ci} bytes#${i} [${m.what}]`;
        for (const w of await extractCase(file, m.input, args)) problems.push(`${label}: ${w}`);
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });
  }

  for (const [ci, d] of DATA.entries()) {
    it(`${d.site}: ${d.fixture} (${d.n} data mutations at ${d.url})`, async () => {
      const problems: string[] = [];
      const text = fixtureText(d.fixture);
      const file = fileName(d.fixture);
      const r = rng(SEED + 100 + ci);
      for (let i = 0; i < d.n; i++) {
        const m = d.as === 'json' ? mutateJson(text, r, i) : mutateText(text, r, i);
        const label = `${d.fixture} seed ${SEED + 100 + ci} #${i} [${m.what.slice(0, 200)}]`;
        for (const w of await extractCase(file, m.text, ['--url', d.url, ...d.siteFlag])) problems.push(`${label}: ${w}`);
      }
      expect(problems.slice(0, 10)).toEqual([]);
    });
  }

  it('totals', () => {
    // The figure for the README's "Reliability and privacy" section.
    console.log(`fuzz-cli-extract: ${tally.cases} cases over ${PAGES.length} pages and ${DATA.length} data responses; exit codes ${JSON.stringify(tally.byCode)}`);
    expect(tally.cases).toBeGreaterThanOrEqual(600);
  });
});
