import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { siteHostPatterns } from './src/node/site-metas';

// Host permissions are derived from the adapters, so the manifest lists
// exactly the supported sites and nothing else. Other sites are reached only
// through `activeTab` (the user clicks "Save this page") or optional hosts.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'assets/public',
  outDir: '.output',
  // src/build/modules holds the WXT module that adds one content script per site folder (WXT loads every file there).
  modulesDir: 'src/build/modules',
  manifest: ({ browser }) => ({
    name: 'Scholar Lens',
    description:
      'Recognizes researcher and paper pages on scholarly sites, merges them locally and shows the merged profile with its metrics. Nothing leaves your browser.',
    // Chromium's service worker cannot start a Worker: a full rebuild's merge runs in one an offscreen document starts (README "Permissions").
    permissions: ['storage', 'activeTab', 'scripting', 'unlimitedStorage', ...(browser === 'firefox' ? [] : ['offscreen'])],
    host_permissions: siteHostPatterns(),
    // Other hosts only on request, one at a time ("Always read article pages on
    // this site"). Firefox's Manifest V2 names them optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ['https://*/*'] } : { optional_host_permissions: ['https://*/*'] }),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none'",
    },
    action: { default_title: 'Scholar Lens' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'scholar-lens@example.org',
              // 140 (the ESR before 153) is the first desktop Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              // Firefox's data-collection declaration: nothing is collected or sent anywhere (README "Privacy").
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads the declaration from 142 on. Android is not tested (README "Browsers").
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // citation-js (bibliography import in the dashboard) imports node-fetch; the browser has fetch.
    resolve: { alias: { 'node-fetch': fileURLToPath(new URL('./src/ui/shims/node-fetch.ts', import.meta.url)) } },
  }),
});
