// Every site adapter, found by folder: each `src/sites/<id>/index.ts` exports
// its adapter by default. Adding a site adds a folder and touches nothing here.
// (Bundles and tests resolve the glob; Node uses src/node/sites.ts.)

import { adapterOfModule, createRegistry } from './catalog';
import { embeddedMetadata } from '../readers/embedded-metadata';
import { genericList } from '../readers/generic-list';

const modules = import.meta.glob('../sites/*/index.ts', { eager: true });

export const registry = createRegistry(
  Object.entries(modules).map(([path, mod]) => adapterOfModule(path, mod)),
  [embeddedMetadata, genericList],
);

export const { adapters, fallbackAdapters, adapterFor, siteAt, adapterById, fallbackAdapterFor, hostMatchPatterns } = registry;
