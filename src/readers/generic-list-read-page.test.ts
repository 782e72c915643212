// "Read this page" without the browser: the preview the tab hands the popup,
// and the capture built on confirm (author only with a confirmed name).
import { describe, expect, it } from 'vitest';
import { previewPage } from '../shell/read-list';
import { listCapture } from '../ui/popup/list-capture';
import { validateCapture } from '../core/validate';
import { FIXED_NOW, fixtureDoc } from '../../tests/helpers/fixtures';

const url = new URL('https://dblp.org/lab/andreas-madsack.html#pubs');
const preview = previewPage(fixtureDoc('acl_anthology/author_andreas-madsack_2021.html'), url, FIXED_NOW);

describe('Read this page: preview and confirmed capture', () => {
  it('the preview carries the works, the fields found and the owner guess, and is plain data', () => {
    // 5 papers and <title>Andreas Madsack - ACL Anthology</title>, checked in the HTML.
    expect(preview.url).toBe('https://dblp.org/lab/andreas-madsack.html');
    expect(preview.works).toHaveLength(5);
    expect(preview.found).toEqual(['title', 'authors', 'year', 'venue', 'abstract', 'url']);
    expect(preview.ownerGuess).toBe('Andreas Madsack');
    // It crosses from the tab to the popup by structured cloning.
    expect(structuredClone(preview)).toEqual(preview);
  });

  it('confirmed with a name: an author capture with that name', () => {
    const c = listCapture(preview, { confirmed: true, name: '  Andreas   Madsack ' }, FIXED_NOW);
    expect(validateCapture(c).ok).toBe(true);
    expect(c).toMatchObject({ source: 'generic-list', pageKind: 'author', person: { name: 'Andreas Madsack' }, url: 'https://dblp.org/lab/andreas-madsack.html' });
    expect(c.works).toHaveLength(5);
  });

  it('a name alone, or a confirmation without a name, is a list with no person', () => {
    for (const choice of [{ confirmed: false, name: 'Andreas Madsack' }, { confirmed: true, name: '   ' }, { confirmed: true }]) {
      const c = listCapture(preview, choice, FIXED_NOW);
      expect(c.pageKind).toBe('list');
      expect(c.person).toBeUndefined();
      expect(validateCapture(c).ok).toBe(true);
    }
  });
});
