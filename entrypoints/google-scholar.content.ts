import { googleScholar } from '../src/sites/google-scholar';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: googleScholar.matches,
  runAt: 'document_idle',
  main: () => runContentScript(googleScholar),
});
