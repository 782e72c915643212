import { natureAdapter } from '../src/sites/nature';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: natureAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(natureAdapter),
});
