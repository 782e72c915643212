import { googleResearchAdapter } from '../src/sites/google-research';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: googleResearchAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(googleResearchAdapter),
});
