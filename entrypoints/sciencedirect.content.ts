import { sciencedirectAdapter } from '../src/sites/sciencedirect';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: sciencedirectAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(sciencedirectAdapter),
});
