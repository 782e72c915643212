import { aclAnthology } from '../src/sites/acl-anthology';
import { runContentScript } from '../src/shell/content-main';

// This site's pages only (its adapter's host patterns).
export default defineContentScript({
  matches: aclAnthology.matches,
  runAt: 'document_idle',
  main: () => runContentScript(aclAnthology),
});
