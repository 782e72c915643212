// Scholar on every country domain of Google's: the host list in site.json is
// the one source of the host permissions, the content-script matches and the
// rules' host part. Lookalike hosts must match nothing.
import { describe, expect, it } from 'vitest';
import { ruleFor } from '../../adapters/contract';
import { adapterFor, hostMatchPatterns } from '../../adapters/registry';
import { capturePage } from '../../adapters/run';
import { matchesPattern } from '../../shell/fetch-data';
import { fixtureDoc } from '../../../tests/helpers/fixtures';
import googleScholar from './index';
import site from './site.json';

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('Google Scholar country hosts', () => {
  it('lists the whole family of Google country domains, each as an explicit https://scholar.google.<tld>/* pattern', () => {
    expect(site.matches.length).toBeGreaterThan(150);
    for (const m of site.matches) expect(m).toMatch(/^https:\/\/scholar\.google\.(?:[a-z]{2,3}|co\.[a-z]{2}|com\.[a-z]{2})\/\*$/);
    expect(new Set(site.matches).size).toBe(site.matches.length);
    for (const tld of ['com', 'com.hk', 'ch', 'co.kr', 'com.tw', 'ru', 'pl', 'se', 'co.uk', 'de', 'com.br', 'co.jp'])
      expect(site.matches, tld).toContain(`https://scholar.google.${tld}/*`);
    // They are the extension's host permissions as they are: nothing wider.
    for (const m of site.matches) expect(hostMatchPatterns()).toContain(m);
    expect(hostMatchPatterns().some((p) => /^\*:\/\/\*|<all_urls>|google\.\*/.test(p))).toBe(false);
  });

  it('recognizes a profile on scholar.google.com.hk and scholar.google.ch (real saved profile, served at those hosts)', () => {
    for (const host of ['scholar.google.com.hk', 'scholar.google.ch', 'scholar.google.co.kr', 'scholar.google.com.tw', 'scholar.google.ru', 'scholar.google.pl', 'scholar.google.se']) {
      const url = new URL(`https://${host}/citations?user=SbUmSEAAAAAJ&hl=en`);
      expect(adapterFor(url)?.id, host).toBe('google-scholar');
      expect(ruleFor(googleScholar, url)?.kind).toBe('author');
      expect(site.matches.some((p) => matchesPattern(p, url)), `${host} is in the content-script matches`).toBe(true);
    }
    const c = capturePage(googleScholar, fixtureDoc('google_scholar/profile_SbUmSEAAAAAJ_ernst_all58.html'), new URL('https://scholar.google.com.hk/citations?user=SbUmSEAAAAAJ&hl=zh-TW'), { now: NOW });
    expect(c.pageKind).toBe('author');
    expect(c.person?.ids?.gscholar).toBe('SbUmSEAAAAAJ');
    const ch = capturePage(googleScholar, fixtureDoc('google_scholar/search_crispr_cas9_p1.html'), new URL('https://scholar.google.ch/scholar?hl=de&q=crispr+cas9'), { now: NOW });
    expect(ch.pageKind).toBe('list');
  });

  it('does not recognize lookalike hosts', () => {
    for (const u of [
      'https://scholar.google.evil.com/citations?user=SbUmSEAAAAAJ',
      'https://scholar-google.com/citations?user=SbUmSEAAAAAJ',
      'https://scholar.google.com.evil.org/citations?user=SbUmSEAAAAAJ',
      'https://evilscholar.google.com/citations?user=SbUmSEAAAAAJ',
      'https://scholar.google.zz/citations?user=SbUmSEAAAAAJ',
      'https://scholar.googleusercontent.com/citations?user=SbUmSEAAAAAJ',
    ]) {
      expect(adapterFor(u), u).toBeUndefined();
      expect(site.matches.some((p) => matchesPattern(p, new URL(u))), u).toBe(false);
    }
  });
});
