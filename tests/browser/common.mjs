// Shared by the browser tests: where the npm packages are, and how Chromium is started.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

// The npm packages live outside the repository (see .ci/run), or in tests/browser/node_modules.
export const DEPS =
  process.env.GONGKAI_BROWSER_DEPS ||
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'gongkai-browser-tests');

// A `require` that finds playwright-core, or null when it is not installed.
export function depsRequire() {
  for (const r of [path.join(DEPS, 'node_modules', 'noop.js'), new URL(import.meta.url).pathname]) {
    const req = createRequire(r);
    try {
      req.resolve('playwright-core');
      return req;
    } catch {
      /* next */
    }
  }
  return null;
}

// How to install the packages, for error messages.
export const INSTALL_HINT = `  Install: cp tests/browser/package*.json ${DEPS}/ && npm ci --prefix ${DEPS} --ignore-scripts`;

// Debian's Chromium on a machine without network: no background requests, no sandbox as root.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--log-level=3',
];

// Starts Debian's Chromium (or $CHROMIUM) once `base` answers 200; on any problem calls
// `fatal(message)`, which is expected not to return. Returns [browser, executablePath].
export async function launchChromium(playwright, base, fatal) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!fs.existsSync(executablePath)) fatal(`no browser at ${executablePath}: apt-get install -y chromium`);
  // The server must answer before anything else is worth trying.
  try {
    const r = await fetch(base.href, { redirect: 'manual' });
    if (r.status !== 200) fatal(`${base.href} answers HTTP ${r.status}`);
  } catch (e) {
    fatal(`${base.href} does not answer: ${e.cause?.message || e.message}`);
  }
  try {
    const browser = await playwright.chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 60_000 });
    return [browser, executablePath];
  } catch (e) {
    return fatal(`cannot start ${executablePath}: ${String(e.message || e).split('\n')[0]}`);
  }
}
