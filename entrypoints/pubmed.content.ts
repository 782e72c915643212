import { pubmedAdapter } from '../src/sites/pubmed';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: pubmedAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(pubmedAdapter),
});
