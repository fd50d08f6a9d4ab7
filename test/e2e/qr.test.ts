/**
 * The join URL's QR code as Chromium draws it under the app's CSP, read back from a screenshot with
 * jsqr (the way a phone's camera would). docs/ARCHITECTURE.md, "Phones in the room".
 */
import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qrCode, qrMinimumModulePixels } from '../../core/qr';
import { joinUrl, roomSecretFromBytes } from '../../core/room-join';
import { contentSecurityPolicy } from '../../electron/content-security-policy';
import { launchChromium } from './support';

const origin = 'http://nahtstelle.test';
const url = joinUrl('192.168.178.34', 51234, roomSecretFromBytes(Uint8Array.from({ length: 16 }, (_, i) => i * 31)));
// A dark page (as in the dark theme) around the code: the code must bring its own light border.
const stylesheet = 'body { margin: 0; background: #111; } svg { display: block; margin: 24px; } #styled svg { width: 500px; height: 500px; }';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

/** Serves `body` with the app's CSP as a header, as `app://` and the web test host do; returns the console's complaints. */
async function show(page: Page, body: string): Promise<string[]> {
  const complaints: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') complaints.push(message.text());
  });
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    return path === '/qr.css'
      ? route.fulfill({ contentType: 'text/css', body: stylesheet })
      : route.fulfill({
          contentType: 'text/html',
          headers: { 'content-security-policy': contentSecurityPolicy },
          body: `<!doctype html><html><head><link rel="stylesheet" href="/qr.css"></head><body>${body}</body></html>`,
        });
  });
  await page.goto(`${origin}/`);
  return complaints;
}

async function read(page: Page, selector: string): Promise<{ text: string | undefined; width: number }> {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  return { text: jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data, width: png.width };
}

describe('the QR code in Chromium (core/qr.ts)', () => {
  it('reads back as the join URL at the smallest module size, a projector’s size and a stylesheet’s size, with no CSP complaint', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const complaints = await show(
      page,
      `<div id="smallest">${qrCode(url, 'QR', qrMinimumModulePixels).svg}</div>` +
        `<div id="projector">${qrCode(url, 'QR', 16).svg}</div>` +
        `<div id="styled">${qrCode(url, 'QR').svg}</div>`,
    );
    // 41 modules (version 4, quiet zone included): 164 px, 656 px (60 % of 1080p), and 500 px (12.2 px a module).
    expect(await read(page, '#smallest svg')).toEqual({ text: url, width: 41 * qrMinimumModulePixels });
    expect(await read(page, '#projector svg')).toEqual({ text: url, width: 41 * 16 });
    expect(await read(page, '#styled svg')).toEqual({ text: url, width: 500 });
    expect(await page.getByRole('img', { name: 'QR' }).count()).toBe(3);
    expect(complaints).toEqual([]);
    await page.close();
  });
});
