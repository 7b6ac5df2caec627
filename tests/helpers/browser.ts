/**
 * Headless Chromium for the end-to-end tests: the Debian binary (CHROMIUM_PATH), as root
 * without the sandbox, no background traffic, and every host name but this machine's
 * unresolvable, so a page that asks another site for anything fails its test instead of
 * leaking a request. `software` adds SwiftShader for pages whose WebGL must really draw
 * (screenshots of the public map).
 */
import puppeteer, { type Browser } from 'puppeteer-core';
import { config } from '../../server/core/config';

export async function launchBrowser(opts: { software?: boolean } = {}): Promise<Browser> {
  return puppeteer.launch({
    executablePath: config().CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
      ...(opts.software ? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'] : []),
    ],
  });
}
