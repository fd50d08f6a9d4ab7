/**
 * The phone app in Chromium as a phone (iPhone-sized, touch, German), against the real room
 * server serving out/phone (run `npm run build` first): join through the QR code's URL, send,
 * rejoin after a reload, caricatures, dots, pause, lost connections. docs/ARCHITECTURE.md, "Phones in the room".
 */
import { devices, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { phoneAppBuilt, startTestRoom, type TestRoom } from './phone-room';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { enhancedContrastOnly, seriousViolations } from './axe';
import { launchChromium } from './support';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
const rooms: TestRoom[] = [];
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!phoneAppBuilt()) throw new Error('out/phone is missing: run `npm run build` before the E2E tests');
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
  for (const room of rooms.splice(0)) await room.close();
  // An uncaught error is breakage a participant would see; failed WebSocket attempts while offline are expected and logged by the browser only.
  expect(pageErrors.splice(0)).toEqual([]);
});

async function room(options: { heartbeatMs?: number } = {}): Promise<TestRoom> {
  const started = await startTestRoom(options);
  rooms.push(started);
  return started;
}

const { defaultBrowserType: _webkit, ...iPhone } = devices['iPhone 13'];

async function phone(
  options: { locale?: string; width?: number; silentNetworkEvents?: boolean } = {},
): Promise<{ page: Page; context: BrowserContext }> {
  const context = await browser.newContext({
    ...iPhone,
    ...(options.width ? { viewport: { width: options.width, height: 640 } } : {}),
    locale: options.locale ?? 'de-DE',
  });
  contexts.push(context);
  if (options.silentNetworkEvents) {
    // A network that dies without the browser noticing (a router dropping the phone): no online/offline events.
    await context.addInitScript(() => {
      for (const type of ['online', 'offline']) window.addEventListener(type, (event) => event.stopImmediatePropagation(), true);
    });
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Anything the room server's CSP blocks would be missing on every phone.
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) pageErrors.push(message.text());
  });
  return { page, context };
}

const tab = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
const status = (page: Page) => page.getByRole('status').first();
const topicForm = (page: Page) => page.getByRole('region', { name: 'Thema vorschlagen' });
const sentList = (page: Page) => page.getByRole('region', { name: 'Von diesem Handy gesendet' });

async function joinByQr(page: Page, testRoom: TestRoom, side = 'Marketing', name = 'Anna'): Promise<void> {
  await page.goto(testRoom.server.joinUrl());
  await page.getByLabel('Ihr Name (freiwillig)').fill(name);
  await page.getByRole('button', { name: side, exact: true }).tap();
  await expect.poll(() => status(page).textContent()).toBe('Verbunden');
}

async function sendTopic(page: Page, title: string): Promise<void> {
  await tab(page, 'Schreiben').tap();
  await topicForm(page).getByLabel('Thema', { exact: true }).fill(title);
  await topicForm(page).getByRole('button', { name: 'Senden' }).tap();
}

const entry = (page: Page, text: string) => sentList(page).getByRole('listitem').filter({ hasText: text });

describe('the phone app', () => {
  it('joins through the QR code’s URL, shows a topic as received, and comes back with its token after a reload', async () => {
    const testRoom = await room();
    const { page } = await phone();
    await page.goto(testRoom.server.joinUrl());
    // The secret leaves the address bar; the page speaks the phone's language; no code is asked for.
    await expect.poll(() => page.getByRole('heading', { name: 'Beim Workshop mitmachen' }).isVisible()).toBe(true);
    expect(page.url()).not.toContain('#');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.getByLabel('Code von der Leinwand').count()).toBe(0);
    await page.getByLabel('Ihr Name (freiwillig)').fill('Anna');
    await page.getByRole('button', { name: 'Marketing', exact: true }).tap();
    await expect.poll(() => status(page).textContent()).toBe('Verbunden');
    expect(testRoom.server.participants()).toMatchObject([{ name: 'Anna', side: 'marketing', online: true }]);

    await sendTopic(page, 'Preisliste 2027');
    await expect.poll(() => entry(page, 'Preisliste 2027').textContent()).toContain('Angekommen ✓');
    expect(await topicForm(page).getByLabel('Thema', { exact: true }).inputValue()).toBe('');
    expect(testRoom.commands).toEqual([{ type: 'addTopic', title: 'Preisliste 2027' }]);
    expect(testRoom.session.inbox?.map((topic) => topic.title)).toEqual(['Preisliste 2027']);

    await page.reload();
    await expect.poll(() => status(page).textContent()).toBe('Verbunden');
    expect(await page.getByRole('heading', { name: 'Beim Workshop mitmachen' }).count()).toBe(0);
    expect(testRoom.server.participants()).toMatchObject([{ name: 'Anna', online: true, submissions: 1 }]);
    await tab(page, 'Schreiben').tap();
    expect(await entry(page, 'Preisliste 2027').textContent()).toContain('Angekommen ✓');

    // Large touch targets and readable text on the main screen.
    for (const button of await page.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect(box && Math.min(box.width, box.height), (await button.textContent()) ?? '').toBeGreaterThanOrEqual(48);
    }
    const fontSize = await page.locator('body').evaluate((body) => parseFloat(getComputedStyle(body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(17);
  });

  it('writes a caricature of the other side, changes it and withdraws it before the reveal', async () => {
    const testRoom = await room();
    const { page } = await phone();
    await joinByQr(page, testRoom);
    const form = page.getByRole('region', { name: 'Zerrbild der anderen Seite' });
    await form.getByLabel('Zerrbild', { exact: true }).fill('Sales verspricht alles');
    await form.getByRole('button', { name: 'Senden' }).tap();
    await expect.poll(() => entry(page, 'Sales verspricht alles').textContent()).toContain('Angekommen ✓');
    const mine = page.getByRole('region', { name: 'Ihre Zerrbilder, verdeckt bis zum Aufdecken' });
    await expect.poll(() => mine.getByRole('listitem').textContent()).toContain('Sales verspricht alles');

    await mine.getByRole('button', { name: '„Sales verspricht alles“ ändern' }).tap();
    await mine.getByLabel('„Sales verspricht alles“ ändern').fill('Sales verspricht zu viel');
    await mine.getByRole('button', { name: 'Speichern' }).tap();
    await expect.poll(() => mine.getByRole('listitem').textContent()).toContain('Sales verspricht zu viel');
    const card = Object.values(testRoom.session.cards).find((candidate) => candidate.kind === 'caricature');
    expect(card?.title).toBe('Sales verspricht zu viel');

    await mine.getByRole('button', { name: '„Sales verspricht zu viel“ zurückziehen' }).tap();
    await mine.getByRole('button', { name: 'Wirklich zurückziehen' }).tap();
    await expect.poll(() => mine.count()).toBe(0);
    expect(Object.values(testRoom.session.cards).filter((candidate) => candidate.kind === 'caricature')).toEqual([]);
    expect(testRoom.commands.map((command) => command.type)).toEqual(['addCaricature', 'editCaricature', 'withdrawCaricature']);
  });

  it('places and takes back dots within the budget, and shows totals only once revealed', async () => {
    const testRoom = await room();
    const { page } = await phone();
    await joinByQr(page, testRoom, 'Sales');
    await tab(page, 'Punkte').tap();
    await expect.poll(() => page.getByText('Noch 3 Punkte').isVisible()).toBe(true);
    const onboarding = page.getByRole('listitem').filter({ hasText: 'Onboarding neuer Kunden' });
    const more = page.getByRole('button', { name: 'Ein Punkt mehr auf „Onboarding neuer Kunden“' });
    await more.tap();
    await expect.poll(() => onboarding.textContent()).toContain('Ihre: 1');
    await more.tap();
    await expect.poll(() => page.getByText('Noch 1 Punkt', { exact: true }).isVisible()).toBe(true);
    expect(await onboarding.textContent()).toContain('Ihre: 2');
    await page.getByRole('button', { name: 'Ein Punkt weniger auf „Onboarding neuer Kunden“' }).tap();
    await expect.poll(() => page.getByText('Noch 2 Punkte').isVisible()).toBe(true);
    expect(Object.values(testRoom.session.cards['topic-a']?.votes ?? {})).toEqual([1]);
    // No totals before the reveal.
    expect(await onboarding.textContent()).not.toMatch(/\d Punkte?$/);

    testRoom.session = { ...testRoom.session, voting: { ...testRoom.session.voting, revealed: true } };
    testRoom.publish();
    await tab(page, 'Board').tap();
    await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Onboarding neuer Kunden' }).textContent()).toContain('1 Punkt');
  });

  it('keeps text typed while offline, shows the state, and sends it once when the network is back', async () => {
    // The phone's goodbye may not get out once it is offline: the server then notices by its heartbeat,
    // as it does when a phone's Wi-Fi dies (15 s in the app; shorter here).
    const testRoom = await room({ heartbeatMs: 500 });
    const { page, context } = await phone();
    await joinByQr(page, testRoom);
    await context.setOffline(true);
    await expect.poll(() => status(page).textContent()).toBe('Offline – verbindet neu, sobald das Netz wieder da ist');
    await expect.poll(() => testRoom.server.participants()[0]?.online).toBe(false);
    await sendTopic(page, 'Messe-Leads');
    await expect.poll(() => entry(page, 'Messe-Leads').textContent()).toContain('Noch nicht gesendet');
    // Even a reload while offline keeps it.
    await page.reload().catch(() => undefined);
    await context.setOffline(false);
    await page.reload();
    await expect.poll(() => status(page).textContent()).toBe('Verbunden');
    await tab(page, 'Schreiben').tap();
    await expect.poll(() => entry(page, 'Messe-Leads').textContent()).toContain('Angekommen ✓');
    expect(testRoom.commands).toEqual([{ type: 'addTopic', title: 'Messe-Leads' }]);
  });

  it('notices a connection that went silent, reconnects by itself and re-sends with the same id', async () => {
    const testRoom = await room();
    const { page, context } = await phone({ silentNetworkEvents: true });
    await joinByQr(page, testRoom);
    await context.setOffline(true);
    await sendTopic(page, 'Stille Leitung');
    // No answer within 10 s: the phone takes the connection for dead and says so.
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toMatch(/^(Offline|Verbindung weg)/);
    await context.setOffline(false);
    await expect.poll(() => entry(page, 'Stille Leitung').textContent(), { timeout: 20_000 }).toContain('Angekommen ✓');
    expect(await status(page).textContent()).toBe('Verbunden');
    expect(testRoom.commands).toEqual([{ type: 'addTopic', title: 'Stille Leitung' }]);
  });

  it('says when the facilitator paused the phones and keeps a refused text in its field', async () => {
    const testRoom = await room();
    const { page } = await phone();
    await joinByQr(page, testRoom);
    await tab(page, 'Schreiben').tap();
    const field = topicForm(page).getByLabel('Thema', { exact: true });
    await field.fill('Zu spät');
    // The pause reaches the server before the phone's screen: the command is refused, the words come back.
    testRoom.permissions = { ...testRoom.permissions, paused: true };
    await topicForm(page).getByRole('button', { name: 'Senden' }).tap();
    await expect.poll(() => entry(page, 'Zu spät').textContent()).toContain('Nicht angenommen: die Moderation hat die Handys pausiert.');
    expect(await field.inputValue()).toBe('Zu spät');
    testRoom.publish();
    await expect.poll(() => topicForm(page).textContent()).toContain('Die Moderation hat die Handys pausiert.');
    expect(await topicForm(page).getByRole('button', { name: 'Senden' }).isDisabled()).toBe(true);
  });

  it('joins by the typed code at 320 px in English, with feedback on a wrong code, and switches to German', async () => {
    const testRoom = await room();
    const { page } = await phone({ locale: 'en-US', width: 320 });
    await page.goto(testRoom.server.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    const code = page.getByLabel('Code from the screen');
    await code.fill('AC0');
    await expect.poll(() => page.getByText('“0” is in no code.').isVisible()).toBe(true);
    const wrong = testRoom.server.code() === 'ACDEFH' ? 'ACDEFJ' : 'ACDEFH';
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Other', exact: true }).tap();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('This code or link opens no room.');
    // The wrong code stays in the field to be corrected.
    expect(await page.getByLabel('Code from the screen').inputValue()).toBe(wrong);
    await page.getByLabel('Code from the screen').fill(testRoom.server.code().toLowerCase());
    await page.getByRole('button', { name: 'Other', exact: true }).tap();
    await expect.poll(() => status(page).textContent()).toBe('Connected');
    expect(testRoom.server.participants()).toMatchObject([{ side: 'other' }]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // No label cut off in a button either (the German tab names are the longest).
    await page.getByRole('button', { name: 'Deutsch' }).tap();
    await expect.poll(() => tab(page, 'Schreiben').isVisible()).toBe(true);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('button')].filter((button) => button.scrollWidth > button.clientWidth).map((button) => button.textContent),
    );
    expect(clipped).toEqual([]);

    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('de');
    expect(await status(page).textContent()).toBe('Verbunden');
    await page.reload();
    await expect.poll(() => status(page).textContent()).toBe('Verbunden');
  });

  it('tells the phone when the room ended and lets it join again', async () => {
    const testRoom = await room();
    const { page } = await phone();
    await joinByQr(page, testRoom);
    testRoom.server.end();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Der Workshop-Raum ist beendet. Danke fürs Mitmachen!');
    await page.getByRole('button', { name: 'Neu beitreten' }).tap();
    await expect.poll(() => page.getByLabel('Code von der Leinwand').isVisible()).toBe(true);
    expect(await page.getByLabel('Ihr Name (freiwillig)').inputValue()).toBe('Anna');
  });

  it('passes axe and the AAA contrast rule (sunlight) on the join form, the writing, the dots and the board', async () => {
    const testRoom = await room();
    const { page } = await phone();
    await page.goto(testRoom.server.url);
    await expect.poll(() => page.getByLabel('Code von der Leinwand').isVisible()).toBe(true);
    const check = async (screen: string) => {
      // Evaluated, not injected as a <script>: the page keeps the room server's CSP as the phones get it.
      if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
      expect([...(await seriousViolations(page)), ...(await seriousViolations(page, { options: enhancedContrastOnly }))], screen).toEqual([]);
    };
    await check('join');
    await page.getByLabel('Code von der Leinwand').fill(testRoom.server.code());
    await page.getByRole('button', { name: 'Sales', exact: true }).tap();
    await expect.poll(() => status(page).textContent()).toBe('Verbunden');
    await sendTopic(page, 'Preisliste');
    await expect.poll(() => entry(page, 'Preisliste').textContent()).toContain('Angekommen ✓');
    await check('write');
    await tab(page, 'Punkte').tap();
    await page.getByRole('button', { name: 'Ein Punkt mehr auf „Leads aus Messen“' }).tap();
    await expect.poll(() => page.getByText('Noch 2 Punkte').isVisible()).toBe(true);
    await check('dots');
    await tab(page, 'Board').tap();
    await check('board');
  });
});
