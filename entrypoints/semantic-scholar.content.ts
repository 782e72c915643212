import { semanticScholarAdapter } from '../src/sites/semantic-scholar';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: semanticScholarAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(semanticScholarAdapter),
});
