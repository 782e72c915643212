import { previewPage } from '../src/shell/read-list';

// Injected into the active tab when the user clicks "Read this page" (through
// `activeTab`). Its result is the script's value, which executeScript hands
// back to the popup: nothing is sent to the background or stored from here.
export default defineUnlistedScript(() => {
  try {
    return previewPage(document, new URL(location.href));
  } catch (err) {
    return { error: err instanceof Error ? err.message : String(err) };
  }
});
