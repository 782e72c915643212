// Every site folder's cases (src/sites/<id>/cases.ts), for the tests that run
// over all sites by construction: a new site folder joins them without an edit here.
import type { SiteCases } from '../../src/adapters/cases';
import type { SiteAdapter } from '../../src/adapters/contract';
import { adapterById } from '../../src/adapters/registry';

const modules = import.meta.glob<SiteCases>('../../src/sites/*/cases.ts', { eager: true, import: 'default' });

export interface SiteWithCases {
  id: string;
  adapter: SiteAdapter;
  cases: SiteCases;
}

export const SITE_CASES: SiteWithCases[] = Object.entries(modules)
  .map(([path, cases]) => {
    const id = /sites\/([^/]+)\/cases\.ts$/.exec(path)![1]!;
    const adapter = adapterById(id);
    if (!adapter) throw new Error(`${path}: no site adapter with id ${id}`);
    return { id, adapter, cases };
  })
  .sort((a, b) => (a.id < b.id ? -1 : 1));
