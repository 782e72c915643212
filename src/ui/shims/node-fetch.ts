// @citation-js/core imports node-fetch for Node, but uses the browser's own
// fetch when it runs in a page. This stands in for node-fetch in the
// extension bundle (wxt.config.ts aliases it) so Node's modules stay out.
const fetchShim: typeof fetch = (...args) => globalThis.fetch(...args);
export default fetchShim;
export const Headers = globalThis.Headers;
