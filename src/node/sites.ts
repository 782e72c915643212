// The site registry for Node (the command line, the benchmark): the same site folders as the bundles' `import.meta.glob`, found on
// disk. Site metadata is plain JSON; adapters are loaded with `require`, which
// tsx runs on TypeScript, so the registry is ready synchronously like the
// bundled one.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { adapterOfModule, createRegistry, nameLookup, namesOf, type Registry } from '../adapters/catalog';
import { SITES_DIR, siteFolders, siteMetas } from './site-metas';
import { embeddedMetadata } from '../readers/embedded-metadata';
import { genericList } from '../readers/generic-list';

let loaded: Registry | undefined;

/**
 * Under Vite (vitest runs the command line in-process) the glob is resolved at
 * transform time; under tsx `import.meta.glob` does not exist and the call throws.
 */
function bundledSiteModules(): Record<string, unknown> | undefined {
  try {
    return import.meta.glob('../sites/*/index.ts', { eager: true });
  } catch {
    return undefined;
  }
}

export function nodeRegistry(): Registry {
  if (loaded) return loaded;
  const bundled = bundledSiteModules();
  const require = createRequire(import.meta.url);
  const sites = bundled
    ? Object.entries(bundled).map(([path, mod]) => adapterOfModule(path, mod))
    : siteFolders().map((id) => {
        const path = join(SITES_DIR, id, 'index.ts');
        return adapterOfModule(path, require(path));
      });
  loaded = createRegistry(sites, [embeddedMetadata, genericList]);
  return loaded;
}

/** Display name of a capture source, as the extension pages show it. */
export const siteNameOf = nameLookup(namesOf(siteMetas()));

export { SITES_DIR, siteFolders, siteHostPatterns, siteMetas } from './site-metas';
