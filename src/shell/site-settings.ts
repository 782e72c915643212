// Per-site settings the content script must honour before reading a page.
// They live in browser.storage.local under SITE_SETTINGS_KEY (the content
// script can read that directly; it cannot open the extension's IndexedDB),
// and are mirrored into the store's settings so the JSON backup carries them.

export const SITE_SETTINGS_KEY = 'siteSettings';

export interface SiteSettings {
  /** Adapter id → automatic capture on (absent means on). */
  auto: Record<string, boolean>;
  /** Pause between pages when collecting all of a long list, in milliseconds. */
  collectAllDelayMs: number;
}

export const DEFAULT_SITE_SETTINGS: SiteSettings = { auto: {}, collectAllDelayMs: 2000 };

/** Whatever is stored, made whole: unknown or malformed values fall back to the defaults. */
export function normalizeSiteSettings(v: unknown): SiteSettings {
  const o = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  // No prototype: the keys are whatever was stored (a restored backup's, say).
  const auto: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
  if (typeof o.auto === 'object' && o.auto !== null)
    for (const [k, b] of Object.entries(o.auto as Record<string, unknown>)) if (typeof b === 'boolean') auto[k] = b;
  const delay = typeof o.collectAllDelayMs === 'number' && Number.isFinite(o.collectAllDelayMs) && o.collectAllDelayMs >= 0 ? o.collectAllDelayMs : 2000;
  return { auto, collectAllDelayMs: delay };
}

export function autoCaptureOn(settings: SiteSettings, adapterId: string): boolean {
  return settings.auto[adapterId] !== false;
}
