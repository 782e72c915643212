// A small library of real captures, read by the real adapters from the saved
// pages in place, as a department's collection would hold them: four Google
// Scholar profiles (Ernst with the "view article" page of his most cited
// paper, Cherukuri, Elmatary), Rui Tan's DBLP person XML, an ORCID v3.0
// record and Semantic Scholar's author response for A. Turing.
// Hand-checked facts about these pages are stated where tests use them.

import type { Capture } from '../../src/core/capture';
import type { StoredCaptureLike } from '../../src/core/merge/types';
import { captureData, capturePage, pageKeyOf } from '../../src/adapters/run';
import { googleScholar } from '../../src/sites/google-scholar';
import { dblpAdapter } from '../../src/sites/dblp';
import { orcidAdapter } from '../../src/sites/orcid';
import { semanticScholarAdapter } from '../../src/sites/semantic-scholar';
import { FIXED_NOW, fixtureDoc, fixtureText } from './fixtures';

const scholar = (file: string, url: string): StoredCaptureLike => {
  const u = new URL(url);
  return { key: pageKeyOf(googleScholar, u), capture: capturePage(googleScholar, fixtureDoc(`google_scholar/${file}`), u, { now: FIXED_NOW }) };
};

export const PAGES = {
  ernst: 'https://scholar.google.com/citations?user=SbUmSEAAAAAJ&hl=en',
  ernstPaper: 'https://scholar.google.com/citations?view_op=view_citation&hl=en&oe=ASCII&user=SbUmSEAAAAAJ&citation_for_view=SbUmSEAAAAAJ:HoB7MX3m0LUC',
  cherukuri: 'https://scholar.google.com/citations?user=amIMrIEAAAAJ&hl=en',
  elmatary: 'https://scholar.google.com/citations?user=LZ5D_p4AAAAJ&hl=ar',
  dblp: 'https://dblp.org/pid/00/5179.html',
  orcid: 'https://orcid.org/0000-0003-4423-4370',
  s2: 'https://www.semanticscholar.org/author/2262347',
} as const;

function data(adapter: typeof dblpAdapter, file: string, dataUrl: string, pageUrl: string, as: 'json' | 'xml'): StoredCaptureLike {
  const c: Capture = captureData(adapter, fixtureText(file), new URL(dataUrl), as, { now: FIXED_NOW });
  return { key: pageKeyOf(adapter, new URL(pageUrl)), capture: { ...c, url: pageUrl } };
}

export function realLibrary(): StoredCaptureLike[] {
  return [
    scholar('profile_SbUmSEAAAAAJ_ernst_all58.html', PAGES.ernst),
    scholar('view_citation_ernst_ieeeaccess2018.html', PAGES.ernstPaper),
    scholar('profile_amIMrIEAAAAJ_cherukuri.html', PAGES.cherukuri),
    scholar('profile_LZ5D_p4AAAAJ_elmatary_ar.html', PAGES.elmatary),
    data(dblpAdapter, 'dblp/person_00-5179_RuiTan.xml', 'https://dblp.org/pid/00/5179.xml', PAGES.dblp, 'xml'),
    data(orcidAdapter, 'orcid/record_0000-0003-4423-4370.json', 'https://pub.orcid.org/v3.0/0000-0003-4423-4370/record', PAGES.orcid, 'json'),
    data(semanticScholarAdapter, 'semantic_scholar/api_author_2262347_turing.json', 'https://api.semanticscholar.org/graph/v1/author/2262347', PAGES.s2, 'json'),
  ];
}
