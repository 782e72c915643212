import { dblpAdapter } from '../src/sites/dblp';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: dblpAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(dblpAdapter),
});
