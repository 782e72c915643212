// Display names of capture sources, for the extension pages. The popup must
// not load every site's adapter just to print "Google Scholar": the names come
// from each site folder's site.json (a few bytes each), the generic readers'
// from their names table, and the imported bibliography's from formats.
import { nameLookup, namesOf, type SiteMeta } from './catalog';

const metas = import.meta.glob<SiteMeta>('../sites/*/site.json', { eager: true, import: 'default' });

export const SITE_NAMES: Readonly<Record<string, string>> = namesOf(Object.values(metas));

/** Display name of a capture source: an adapter's name, or what an imported file is. */
export const siteNameOf = nameLookup(SITE_NAMES);
