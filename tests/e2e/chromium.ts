// Finding Debian's Chromium: no test tool may download a browser.
import { existsSync } from 'node:fs';

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path))
    throw new Error(
      `Chromium not found at ${path}. Install it with \`sudo apt-get install -y chromium\` ` +
        `or set CHROMIUM_PATH to a Chromium/Chrome executable.`,
    );
  return path;
}
