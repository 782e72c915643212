// What the popup needs from the extension; injected so tests can render it
// with fixed data (entrypoints/popup/main.tsx provides the browser's).
import type { UserDecision } from '../../core/merge/types';
import type { TabStatus } from '../../shell/messages';
import type { CaptureRecord, DecisionRecord } from '../../store/schema';
import type { CollectAllData } from './CollectAll';
import type { ReadThisPageData } from './ReadThisPage';

export interface PopupData extends CollectAllData, ReadThisPageData {
  status(): Promise<TabStatus | null>;
  /** Every stored capture and decision: the merged profile needs them all. */
  library(): Promise<{ records: CaptureRecord[]; decisions: DecisionRecord[] }>;
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
