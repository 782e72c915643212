import { springerAdapter } from '../src/sites/springer';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: springerAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(springerAdapter),
});
