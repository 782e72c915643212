// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [],
  data: [
    // Synthetic responses in API v2's documented shape (tests/data/openreview/README.md).
    { fixture: 'tests/data/openreview/forum_SynthAAAA01.json', url: 'https://openreview.net/forum?id=SynthAAAA01', key: 'forum', dataUrl: 'https://api2.openreview.net/notes?forum=SynthAAAA01', as: 'json', kind: 'paper', fuzz: 300 },
    { fixture: 'tests/data/openreview/notes_authorids_Ada_Example1.json', url: 'https://openreview.net/profile?id=~Ada_Example1', key: 'notes', dataUrl: 'https://api2.openreview.net/notes?content.authorids=~Ada_Example1&sort=cdate:desc&limit=1000', as: 'json', kind: 'list', fuzz: 300 },
    // The real answer OpenReview's API gives a client it wants to challenge.
    { fixture: 'openreview/api2_notes_challenge_403_2026-10-01.json', url: 'https://openreview.net/forum?id=SynthAAAA01', key: 'forum', dataUrl: 'https://api2.openreview.net/notes?forum=SynthAAAA01', as: 'json', kind: 'blocked', fuzz: 100 },
  ],
  unverified: 'no real page of this site is saved in ../shared/fixtures; its tests use synthetic markup shaped as the site documents it',
};

export default cases;
