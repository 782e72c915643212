// "Erase everything", wherever the user asks for it (the dashboard, or the
// popup's recovery panel when the library cannot be shown): the store and
// everything else Scholar Lens keeps in the browser.
import type { Browser } from 'webextension-polyfill';
import { eraseAll, type LensDB } from '../store/store';

export async function eraseEverything(db: LensDB, browser: Browser): Promise<void> {
  await eraseAll(db);
  // Settings, each open tab's last status, and the hosts you asked it to read automatically.
  await browser.storage.local.clear();
  await browser.storage.session?.clear();
  const registered = await browser.scripting.getRegisteredContentScripts();
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: registered.map((r) => r.id) });
}
