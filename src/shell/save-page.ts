// "Save this page": what runs in a tab when the user asks, on any site.
import { fallbackAdapterFor, siteAt } from '../adapters/registry';
import { captureCurrentPage, pageFetcher } from './capture-in-page';
import type { MessageOf } from './messages';

/** What the tab reports to the background: the capture, or why there is none. */
export type SavePageMessage = MessageOf<'capture' | 'nothing-found'>;

export async function readPageOnRequest(doc: Document, url: URL, fetchImpl: typeof fetch): Promise<SavePageMessage> {
  // A site's block page (Scholar's captcha on www.google.com) is read by that site, to say it is blocked.
  const site = siteAt(url);
  const adapter = site && site.detect(doc, url) !== undefined ? site : fallbackAdapterFor(doc, url);
  if (!adapter)
    return {
      type: 'nothing-found',
      reason: 'no scholarly record found on this page (no citation metadata, JSON-LD or COinS)',
    };
  const capture = await captureCurrentPage(
    { doc, url, fetchText: pageFetcher(fetchImpl) },
    adapter,
  );
  return capture
    ? { type: 'capture', capture }
    : { type: 'nothing-found', reason: `${adapter.name} found nothing to save on this page` };
}
