import { sciteAdapter } from '../src/sites/scite';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: sciteAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(sciteAdapter),
});
