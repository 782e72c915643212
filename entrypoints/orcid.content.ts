import { orcidAdapter } from '../src/sites/orcid';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: orcidAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(orcidAdapter),
});
