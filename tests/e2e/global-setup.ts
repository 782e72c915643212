// Builds the extension once for all end-to-end tests, after checking that a
// browser is there (so a missing Chromium fails fast with a clear message).
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './chromium';

export default function setup(): void {
  chromiumPath();
  if (process.env.SCHOLAR_LENS_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
