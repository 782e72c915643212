// This site's saved real pages and the addresses they were saved from (see src/adapters/cases.ts).
import type { SiteCases } from '../../adapters/cases';

const cases: SiteCases = {
  pages: [],
  unverified: 'no real page of this site is saved in ../shared/fixtures; its tests use synthetic markup shaped as the site documents it',
};

export default cases;
