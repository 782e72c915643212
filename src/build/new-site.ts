// `npm run new-site <id> [host] [name]`: scaffolds src/sites/<id>/ — a site that
// passes the convention tests from the start (registered, its own content
// script and host permission, URL rules with examples that must and must not
// match, cases marked "not verified" until a saved page is added, a test
// beside it) — and adds its row to the README's support table.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITES_DIR, siteMetas } from '../node/site-metas';

export interface Scaffold {
  id: string;
  host: string;
  name: string;
  precedence: number;
}

const ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

/** The files of a new site folder, by name. Pure, so the scaffold itself is tested. */
export function scaffoldFiles({ id, host, name, precedence }: Scaffold): Record<string, string> {
  if (!ID.test(id)) throw new Error(`"${id}" is not a site id (lower-case words joined by "-")`);
  if (!HOST.test(host)) throw new Error(`"${host}" is not a host name`);
  const hostRe = host.replace(/\./g, '\\.');
  const meta = { id, name, precedence, matches: [`https://${host}/*`] };
  return {
    'site.json': JSON.stringify(meta, null, 2) + '\n',
    'index.ts': `// ${name}: what its pages are and how they are read. Replace the rule and
// the extraction with the site's own; keep extraction a pure function of
// (Document, URL) that never throws.

import type { SiteAdapter } from '../../adapters/contract';
import site from './site.json';

export const adapter: SiteAdapter = {
  ...site,
  rules: [
    {
      kind: 'paper',
      pattern: /^${hostRe}\\/paper\\/[\\w-]+$/,
      examples: ['https://${host}/paper/example-1'],
    },
  ],
  nonMatching: ['https://${host}/', 'https://${host}/search?q=example'],
  detect: () => undefined,
  extract: () => ({ pageKind: 'unrecognized', notes: ['${name}: this site is not read yet'] }),
};

export default adapter;
`,
    'cases.ts': `// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [],
  unverified: 'no real page of this site is saved in ../shared/fixtures yet',
};

export default cases;
`,
    [`${id}.test.ts`]: `// ${name}. Add a saved page to ../shared/fixtures (with its SOURCES.tsv row),
// list it in cases.ts, and test here what the page states, read by hand.
import { describe, expect, it } from 'vitest';
import adapter from './index';

describe('${name}', () => {
  it('does not claim to read a page yet', () => {
    expect(adapter.extract(document(), new URL('https://${host}/paper/example-1')).pageKind).toBe('unrecognized');
  });
});

function document(): Document {
  return {} as Document;
}
`,
  };
}

/** The README support-table row of a new site. */
export function readmeRow(name: string): string {
  return `| ${name} | — | not read yet | no: scaffolded, not verified on a saved page |`;
}

function main(argv: string[]): number {
  const [id, host, ...nameWords] = argv;
  if (!id || !host) {
    console.error('usage: npm run new-site <id> <host> [display name]');
    return 2;
  }
  const dir = join(SITES_DIR, id);
  if (existsSync(dir)) {
    console.error(`src/sites/${id} exists already`);
    return 1;
  }
  const name = nameWords.join(' ') || id;
  const precedence = Math.max(0, ...siteMetas().map((m) => m.precedence)) + 10;
  const files = scaffoldFiles({ id, host, name, precedence });
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  // The support table ends at the first blank line after its header.
  const readmePath = join(SITES_DIR, '..', '..', 'README.md');
  const lines = readFileSync(readmePath, 'utf8').split('\n');
  const header = lines.findIndex((l) => l.startsWith('| Site |'));
  if (header >= 0) {
    let end = header + 2;
    while (end < lines.length && lines[end]!.startsWith('|')) end++;
    lines.splice(end, 0, readmeRow(name));
    writeFileSync(readmePath, lines.join('\n'));
  }
  console.log(`src/sites/${id}/ written (${Object.keys(files).join(', ')}); README row added. Run npx wxt prepare, then npm test.`);
  return 0;
}

if (process.argv[1] && /new-site\.ts$/.test(process.argv[1])) process.exitCode = main(process.argv.slice(2));
