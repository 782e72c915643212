// Builds both Firefox builds once for the Firefox tests (Manifest V2, the
// default of `npm run build:firefox`, and V3), after checking that Firefox is
// there, so a missing browser fails fast with a clear message.
import { execFileSync } from 'node:child_process';
import { firefoxPath } from './firefox';

export default function setup(): void {
  firefoxPath();
  if (process.env.SCHOLAR_LENS_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
