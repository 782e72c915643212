import { describe, expect, it } from 'vitest';
import { researchgateAdapter, rgDate } from './index';
import { capturePage } from '../../adapters/run';
import { ruleFor } from '../../adapters/contract';
import { validateCapture } from '../../core/validate';
import { parseHtml } from '../../node/dom';
import { FIXED_NOW, fixtureDoc, fixtureText } from '../../../tests/helpers/fixtures';

const URL_ = new URL('https://www.researchgate.net/profile/Lorenzo-Prendini');
// The JSON-LD @graph the source repository's author extracted from this page: ground truth for the person.
const LD = JSON.parse(fixtureText('researchgate/profile_Lorenzo-Prendini.jsonld.json')) as {
  '@graph': { '@type': string; name: string; affiliation?: { name: string } }[];
};
const LD_PERSON = LD['@graph'].find((n) => n['@type'] === 'Person');

describe('ResearchGate profile (Lorenzo Prendini, 2022)', () => {
  const doc = fixtureDoc('researchgate/profile_Lorenzo-Prendini.html');
  const capture = capturePage(researchgateAdapter, doc, URL_, { now: FIXED_NOW });
  const works = capture.works ?? [];

  it('is a valid author capture', () => {
    expect(researchgateAdapter.detect(doc, URL_)).toBe('author');
    expect(validateCapture(capture).ok).toBe(true);
    expect(capture.pageKind).toBe('author');
  });

  it('reads the person from the JSON-LD and the stated counts from the page', () => {
    expect(capture.person?.name).toBe(LD_PERSON?.name); // "Lorenzo Prendini"
    expect(capture.person?.affiliation).toBe(LD_PERSON?.affiliation?.name); // "American Museum of Natural History"
    expect(capture.person?.ids).toEqual({ researchgate: 'Lorenzo-Prendini' });
    // data-testid="publicProfileStatsCitations">4,857< and "publicProfileStatsPublications">201<
    expect(capture.person?.metrics).toEqual({ citations: 4857, papers: 201 });
  });

  it('lists the 100 research items the page shows, and says the page shows fewer than it counts', () => {
    // grep -c 'itemtype="http://schema.org/ScholarlyArticle" class="nova-legacy-v-publication-item' → 100
    expect(works).toHaveLength(100);
    expect(capture.notes).toEqual(['ResearchGate: the page lists 100 of the 201 publications it counts']);
    // First badges: 88 Article, 10 Data, 1 Raw Data, 1 Conference Paper (counted with a script over the HTML).
    expect(works.filter((w) => w.type === 'article')).toHaveLength(88);
    expect(works.filter((w) => w.type === 'other')).toHaveLength(11);
    // 33 items contain a person-list-truncation "[...]"
    expect(works.filter((w) => w.authorsTruncated)).toHaveLength(33);
  });

  it('reads an item: title, link, date, authors, truncation', () => {
    const w = works[0];
    // First item: headline link text and href, meta "Feb 2022", four person names with "[...]" between the 3rd and 4th.
    expect(w?.title).toBe(
      'Morphometry of the pedipalp patella provides new characters for species-level taxonomy in whip spiders (Arachnida, Amblypygi): A test case with description of a new species of Phrynus',
    );
    expect(w?.url).toBe(
      'https://www.researchgate.net/publication/358910988_Morphometry_of_the_pedipalp_patella_provides_new_characters_for_species-level_taxonomy_in_whip_spiders_Arachnida_Amblypygi_A_test_case_with_description_of_a_new_species_of_Phrynus',
    );
    expect(w?.year).toBe(2022);
    expect(w?.date).toBe('2022-02');
    expect(w?.authors).toEqual(['Michael Seiter', 'Luca Strobl', 'Thomas Schwaha', 'Frederic Dominique Schramm']);
    expect(w?.authorsTruncated).toBe(true);
    expect(w?.type).toBe('article');
  });

  it('types the conference paper', () => {
    // Item 66: badge "Conference Paper", "Jan 2016"
    const w = works.find((x) => x.type === 'conference');
    expect(w?.title).toBe('CUTICULAR FLUORESCENCE IN EXTANT AND EXTINCT CHELICERATES');
    expect(w?.year).toBe(2016);
    expect(w?.authors).toEqual(['Margaret Rubin', 'James Lamsdell', 'Lorenzo Prendini', 'Melanie J Hopkins']);
  });
});

describe('ResearchGate edge cases', () => {
  it('reports a security-check page as blocked', () => {
    // synthetic: the shape of ResearchGate's captcha interstitial (title only)
    const doc = parseHtml('<html><head><title>Security check required</title></head><body><h1>Security check</h1></body></html>');
    const c = capturePage(researchgateAdapter, doc, URL_, { now: FIXED_NOW });
    expect(c.pageKind).toBe('blocked');
    expect(validateCapture(c).ok).toBe(true);
  });

  it('says unrecognized on an empty profile page', () => {
    const c = capturePage(researchgateAdapter, parseHtml('<html><body></body></html>'), URL_, { now: FIXED_NOW }); // synthetic
    expect(c.pageKind).toBe('unrecognized');
    expect(validateCapture(c).ok).toBe(true);
  });

  it('owns profile URLs only', () => {
    expect(ruleFor(researchgateAdapter, URL_)?.kind).toBe('author');
    expect(ruleFor(researchgateAdapter, new URL('https://www.researchgate.net/publication/358910988_Morphometry'))).toBeUndefined();
    expect(rgDate('Feb 2022')).toEqual({ year: 2022, date: '2022-02' });
    expect(rgDate('2019')).toEqual({ year: 2019 });
  });
});
