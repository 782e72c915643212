// The typed sender (send.ts) over the browser's two channels. Kept apart from
// send.ts so that module stays free of browser APIs and runs in unit tests.

import browser from 'webextension-polyfill';
import type { BackgroundMessage, Reply, Response, TabMessage } from './messages';
import { sender } from './send';

/** To the background, from a content script, an injected script or the popup. */
export const sendToBackground: <M extends BackgroundMessage>(message: M) => Promise<Response<Reply<M['type']>>> = sender((m) =>
  browser.runtime.sendMessage(m),
);

/** From the popup to the content script of one tab. */
export function sendToTab(tabId: number): <M extends TabMessage>(message: M) => Promise<Response<Reply<M['type']>>> {
  return sender((m) => browser.tabs.sendMessage(tabId, m));
}
