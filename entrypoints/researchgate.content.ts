import { researchgateAdapter } from '../src/sites/researchgate';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: researchgateAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(researchgateAdapter),
});
