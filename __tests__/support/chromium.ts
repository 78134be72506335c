// Headless Chromium for tests that open vigil's HTML in a real browser: Debian's `chromium` (which
// .ci/run installs), driven by playwright-core, with a fresh profile removed afterwards. Without a
// browser the suite is skipped with a loud message, except in CI, where a missing browser fails it.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BrowserContext } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser binary: VIGIL_CHROMIUM, else the first of the usual paths that exists. */
export function chromiumPath(): string | undefined {
  const given = process.env.VIGIL_CHROMIUM;
  if (given) return given;
  return CANDIDATES.find((candidate) => fs.existsSync(candidate));
}

/** CI must run the browser tests: .ci/run sets VIGIL_REQUIRE_CHROMIUM, GitHub Actions sets CI. */
export function chromiumRequired(): boolean {
  return process.env.VIGIL_REQUIRE_CHROMIUM === '1' || process.env.CI === 'true';
}

/** `describe`, or — when no browser exists outside CI — `describe.skip` after saying so loudly. */
export function describeWithChromium(name: string, body: () => void): void {
  if (chromiumPath() || chromiumRequired()) {
    describe(name, body);
    return;
  }
  console.warn(
    `\n*** SKIPPED: "${name}" needs Chromium (apt-get install chromium, or set VIGIL_CHROMIUM); none found at ${CANDIDATES.join(', ')} ***\n`,
  );
  describe.skip(name, body);
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error(
      `no Chromium at ${CANDIDATES.join(', ')} and VIGIL_CHROMIUM is unset; CI must install it (.ci/run)`,
    );
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'vigil-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return {
      context,
      async close() {
        await context.close();
        fs.rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
