// Display names of capture sources, for the extension pages. The popup must
// not load every site's adapter just to print "Google Scholar": the names come
// from each site folder's site.json, the generic readers' from their names
// table, and the imported bibliography's from formats. Only each site.json's
// `id` and `name` are imported, from a JSON module of its own (the query
// `?names&lang.json`: ending in .json, so both Vite's build and Vitest's read
// it as JSON, and apart from the adapters' default import of the whole file),
// so the host patterns — Scholar's alone are 6 kB — stay out of the popup.
import { nameLookup, namesOf } from './catalog';

const ids = import.meta.glob<string>('../sites/*/site.json', { eager: true, import: 'id', query: '?names&lang.json' });
const names = import.meta.glob<string>('../sites/*/site.json', { eager: true, import: 'name', query: '?names&lang.json' });

export const SITE_NAMES: Readonly<Record<string, string>> = namesOf(Object.keys(ids).map((k) => ({ id: ids[k]!, name: names[k]! })));

/** Display name of a capture source: an adapter's name, or what an imported file is. */
export const siteNameOf = nameLookup(SITE_NAMES);
