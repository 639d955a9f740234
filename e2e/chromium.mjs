// Launch options shared by the Playwright tests and the benchmarks.
// Uses Debian's Chromium (or FLOWPAD_CHROMIUM) when present, else Playwright's own browser if one is installed.
import { existsSync } from 'node:fs';

export function chromiumExecutable() {
  const fromEnv = process.env.FLOWPAD_CHROMIUM;
  if (fromEnv) return fromEnv;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumLaunchOptions(extraArgs = []) {
  return { executablePath: chromiumExecutable(), headless: true, args: [...chromiumArgs, ...extraArgs] };
}
