// Automatic reading turned off for a site: the content script reads nothing,
// and says so even on a freshly loaded page, so the popup of a supported site
// does not wait for a report that never comes. The document is a SYNTHETIC
// snippet: only the address matters here.
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/node/dom';
import { startCaptureLoop } from '../../src/shell/capture-loop';
import { autoCaptureOn, normalizeSiteSettings } from '../../src/shell/site-settings';
import { googleScholar } from '../../src/sites/google-scholar';

const PROFILE = 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en';

function run(auto: Record<string, boolean>) {
  const settings = normalizeSiteSettings({ auto });
  const captured: string[] = [];
  const reported: [string, string][] = [];
  const spa = startCaptureLoop({
    doc: parseHtml('<html><body><div id="gsc_prf_in">synthetic</div></body></html>'),
    href: () => PROFILE,
    adapterFor: () => googleScholar,
    enabled: (a) => autoCaptureOn(settings, a.id),
    capture: async (_a, url) => {
      captured.push(url.href);
      return undefined;
    },
    send: async () => undefined,
    report: async (url, reason) => void reported.push([url, reason]),
    pollMs: 60_000,
  });
  return { spa, captured, reported };
}

describe('automatic reading off for a site', () => {
  it('reads nothing and reports why on a fresh load', async () => {
    const { spa, captured, reported } = run({ 'google-scholar': false });
    await spa.current();
    spa.stop();
    expect(captured).toEqual([]);
    expect(reported).toHaveLength(1);
    expect(reported[0]![0]).toBe(PROFILE);
    expect(reported[0]![1]).toMatch(/^automatic reading is off for Google Scholar/);
  });

  it('reads the page when only another site is off', async () => {
    const { spa, captured, reported } = run({ dblp: false });
    await spa.current();
    spa.stop();
    expect(captured).toEqual([PROFILE]);
    // Nothing found on a synthetic page of a fresh load is not reported (only in-app navigations are).
    expect(reported).toEqual([]);
  });
});
