import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, spawnHost, stop, waitForUrl } from './cold-start.ts';
import { percentile } from './stats.ts';

/** The Chromium to drive, as e2e/playwright.config.ts picks it. */
const CHROMIUM = process.env.CAJA_CHROMIUM ?? '/usr/bin/chromium';

export type ScanResult = { ok: true; samples: number[] } | { ok: false; reason: string };

/**
 * Scan-to-line measured in the browser: the sale screen records, for each scan, the time from
 * the scanner's Enter to the new line being painted on screen (`window.__cajaLastScanMs`,
 * set once the frame that shows the line has been drawn). Codes are typed as a keyboard-wedge
 * scanner sends them, a few milliseconds apart, ending in Enter.
 */
export async function measureScanToLine(opts: {
  root: string;
  dataDir: string;
  codes: readonly string[];
  ownerName: string;
  pin: string;
}): Promise<ScanResult> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const child = spawnHost(opts.root, opts.dataDir);
  try {
    const url = await waitForUrl(child, 30_000);
    const page = await browser.newPage();
    await page.goto(url);
    await page.getByTestId(`login-user-${opts.ownerName}`).click();
    await page.getByTestId('pin-input').fill(opts.pin);
    await page.getByTestId('login-submit').click();
    await page.goto(`${url}/#/caja/turno`);
    const openFloat = page.getByTestId('cash-open-float');
    if (await openFloat.isVisible().catch(() => false)) {
      await openFloat.fill('10000');
      await page.getByTestId('cash-open-submit').click();
      await page.getByTestId('cash-status').waitFor();
    }
    await page.goto(`${url}/#/caja`);
    await page.getByTestId('pos-screen').waitFor();
    const samples: number[] = [];
    for (const code of opts.codes) {
      await page.evaluate(() => {
        window.__cajaMeasureScans = true;
        window.__cajaLastScanMs = undefined;
      });
      await page.keyboard.type(code, { delay: 4 });
      await page.keyboard.press('Enter');
      const ms = await page.waitForFunction(() => window.__cajaLastScanMs, undefined, { timeout: 10_000 });
      samples.push(Number(await ms.jsonValue()));
    }
    return { ok: true, samples: samples.sort((a, b) => a - b) };
  } catch (err) {
    return { ok: false, reason: (err as Error).message.split('\n')[0] ?? 'error' };
  } finally {
    await browser.close();
    await stop(child);
  }
}

export const scanSummary = (s: number[]) => ({ p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] });
