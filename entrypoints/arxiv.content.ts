import { arxivAdapter } from '../src/sites/arxiv';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: arxivAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(arxivAdapter),
});
