// The adapters that can page through a long list ("Collect all"). Listed
// here rather than filtered from the registry so the content script that runs
// Collect all carries only these adapters, not every site's code; a unit test
// (tests/unit/collect-all.test.ts) checks the list against the registry.

import type { SiteAdapter } from './adapter';
import { ruleFor } from './adapter';
import { googleScholar } from './google-scholar';

export const collectableAdapters: readonly SiteAdapter[] = [googleScholar];

export function collectableAdapterFor(url: URL): SiteAdapter | undefined {
  return collectableAdapters.find((a) => a.collectAll && ruleFor(a, url) !== undefined);
}
