// What the popup needs from the extension; injected so tests can render it
// with fixed data (entrypoints/popup/main.tsx provides the browser's).
import type { UserDecision } from '../../core/merge/types';
import type { TabStatus } from '../../shell/messages';
import type { CaptureRecord, DecisionRecord } from '../../store/schema';
import type { KeptView, ViewsMeta } from '../../core/kept-views';
import type { CollectAllData } from './CollectAll';
import type { ReadThisPageData } from './ReadThisPage';

export interface PopupData extends CollectAllData, ReadThisPageData {
  status(): Promise<TabStatus | null>;
  /**
   * What is stored for one page: its capture, the merged view the background
   * keeps for it (src/shell/view-keeper.ts), what that view was built from,
   * and the decisions (few; the suggestions need the dismissals).
   */
  profile(key: string): Promise<StoredProfile>;
  /** Stored captures by key (those found), read when an export or a copied citation needs a work's provenance (the kept views hold works without it). */
  captures?(keys: string[]): Promise<CaptureRecord[]>;
  /** Ask the background to bring the kept views up to date; resolves when they are. */
  refreshViews(o: { changed?: boolean; stale?: boolean }): Promise<void>;
  /** Store a decision; resolves when the kept views include it. */
  decide(d: UserDecision): Promise<void>;
  /** Erase everything Scholar Lens keeps (offered when the library cannot be shown). */
  eraseAll(): Promise<void>;
  /** The tab's URL when it is a web page the user could ask to save. */
  pageUrl(): Promise<string | undefined>;
  /** Read the tab on request (activeTab); resolves when the tab has reported. */
  savePage(): Promise<void>;
  /** Ask for the host permission and read this site's pages automatically from now on. */
  enableSite(origin: string): Promise<boolean>;
  dashboardUrl(personId?: string): string;
  /** Is this URL on a host a site content script runs on (it will report on the page)? */
  onSupportedSite(url: URL): boolean;
  /** The site's name when the user turned automatic reading off for the site this URL belongs to. */
  autoOffSite(url: string): Promise<string | undefined>;
  currentYear: number;
  now(): Date;
}

export interface StoredProfile {
  record?: CaptureRecord;
  view?: KeptView;
  meta?: ViewsMeta;
  decisions: DecisionRecord[];
}
