import { openReviewAdapter } from '../src/sites/openreview';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: openReviewAdapter.matches,
  runAt: 'document_idle',
  main: () => runContentScript(openReviewAdapter),
});
