// The one-walk row reader on a SYNTHETIC row: each slot finds what its selector finds.
import { describe, expect, it } from 'vitest';
import { collect, elementsByClass, elementsByTag, tagged, withAttr, withClass } from './subtree';
import { parseHtml } from '../../node/dom';

const doc = parseHtml(`<html><body>
  <div id="row" itemprop="headline">
    <a id="a1" href="/1">one</a>
    <span itemprop="author"><b><i itemprop="name" id="n1">Ann</i></b></span>
    <i itemprop="name" id="n0">not an author</i>
    <span itemprop="author"><i itemprop="name" id="n2">Bo</i></span>
    <p class="x meta"><a id="a2">two</a></p>
    <template><p class="meta" id="hidden"></p><script type="application/ld+json" id="s0"></script></template>
  </div>
  <script type="Application/LD+JSON" id="s1"></script><script id="s2"></script>
</body></html>`);
const row = doc.getElementById('row')!;
const ids = (els: Element[]) => els.map((e) => e.id);

describe('collect', () => {
  it('finds, per slot, what the selector would, in document order', () => {
    const found = collect(row, {
      links: { test: tagged('a') },
      names: { test: withAttr('itemprop', 'name'), within: withAttr('itemprop', 'author') },
      meta: { test: withClass('meta') },
      // The row itself counts as the ancestor: `[itemprop="headline"] a` from the row.
      headlineLinks: { test: tagged('a'), within: withAttr('itemprop', 'headline') },
    });
    expect(ids(found.links)).toEqual(['a1', 'a2']);
    expect(ids(found.names)).toEqual(['n1', 'n2']);
    expect(found.meta).toHaveLength(1);
    expect(ids(found.headlineLinks)).toEqual(['a1', 'a2']);
    // The same elements as the DOM's own selector engine.
    expect(found.names).toEqual(Array.from(row.querySelectorAll('[itemprop="author"] [itemprop="name"]')));
    expect(found.meta).toEqual(Array.from(row.querySelectorAll('.meta')));
  });

  it('document-wide look-ups leave <template> contents out, as selectors do', () => {
    expect(ids(elementsByTag(doc, 'script'))).toEqual(['s1', 's2']);
    expect(ids(elementsByTag(doc, 'script', (el) => /^application\/ld\+json$/i.test(el.getAttribute('type') ?? '')))).toEqual(['s1']);
    expect(elementsByClass(doc, 'meta')).toEqual(Array.from(doc.querySelectorAll('.meta')));
    expect(elementsByTag(doc, 'script', (el) => /^application\/ld\+json$/i.test(el.getAttribute('type') ?? ''))).toEqual(
      Array.from(doc.querySelectorAll('script[type="application/ld+json"]')),
    );
  });
});
