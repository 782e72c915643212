import { plosAdapter } from '../src/sites/plos';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: plosAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(plosAdapter),
});
