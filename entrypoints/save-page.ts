import { sendToBackground } from '../src/shell/browser-send';
import { readPageOnRequest } from '../src/shell/save-page';

// Injected into the active tab when the user clicks "Save this page" (through
// `activeTab`), or registered for hosts the user enabled. Reads the page with
// its site's adapter or the generic readers, and reports to the background.
export default defineUnlistedScript(async () => {
  try {
    const message = await readPageOnRequest(document, new URL(location.href), fetch.bind(globalThis));
    await sendToBackground(message);
  } catch {
    // Never throw into the page; the popup shows the tab's status.
  }
});
