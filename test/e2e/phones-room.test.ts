/**
 * A whole workshop with phones: the control window switches them on, six phones (iPhone and Pixel,
 * touch, German) join through the QR code read off the screen, send topics, caricatures and dots;
 * the projector shows the join code, then the reveal. docs/ARCHITECTURE.md, "Phones in the room".
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { devices, type BrowserContext, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addCards, useBoards, type BoardPage } from './support';

const boards = useBoards();

const { defaultBrowserType: _iPhoneBrowser, ...iPhone } = devices['iPhone 13'];
const { defaultBrowserType: _pixelBrowser, ...pixel } = devices['Pixel 7'];

/** Six participants: three on each side, half on iPhones, half on Pixels. */
const participants = [
  { name: 'Anna', side: 'Marketing', device: iPhone },
  { name: 'Ben', side: 'Sales', device: pixel },
  { name: 'Cem', side: 'Marketing', device: pixel },
  { name: 'Dora', side: 'Sales', device: iPhone },
  { name: 'Emil', side: 'Marketing', device: iPhone },
  { name: 'Fay', side: 'Sales', device: pixel },
] as const;

interface Phone {
  readonly name: string;
  readonly page: Page;
  readonly context: BrowserContext;
}

const phonesPanel = (page: Page) => page.getByRole('region', { name: 'Phones in the room' });
const status = (page: Page) => page.getByRole('status').first();
const tab = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true });
const sentEntry = (page: Page, text: string) =>
  page.getByRole('region', { name: 'Von diesem Handy gesendet' }).getByRole('listitem').filter({ hasText: text });

/** The QR code as a phone's camera would read it: from a screenshot of the control window. */
async function readQrCode(page: Page): Promise<string> {
  const image = PNG.sync.read(await page.getByRole('img', { name: 'QR code to join with a phone' }).first().screenshot());
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  if (!found) throw new Error('No QR code readable in the control window');
  return found.data;
}

async function switchPhonesOn(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Phones/ }).click();
  await phonesPanel(page).getByRole('button', { name: 'Switch phones on' }).click();
  // The first time: what the operating system is about to ask.
  const firewall = page.getByRole('dialog', { name: 'Your computer may ask about its firewall' });
  await firewall.getByRole('button', { name: 'Switch phones on' }).click();
  await phonesPanel(page).getByRole('img', { name: 'QR code to join with a phone' }).waitFor();
}

async function joinPhone(board: BoardPage, joinUrl: string, participant: (typeof participants)[number]): Promise<Phone> {
  const context = await boards.browser().newContext({ ...participant.device, locale: 'de-DE' });
  const page = await context.newPage();
  page.on('pageerror', (error) => board.errors.push(`${participant.name}: ${error.message}`));
  await page.goto(joinUrl);
  await page.getByLabel('Ihr Name (freiwillig)').fill(participant.name);
  await page.getByRole('button', { name: participant.side, exact: true }).tap();
  await expect.poll(() => status(page).textContent()).toBe('Verbunden');
  return { name: participant.name, page, context };
}

async function send(phone: Phone, region: string, field: string, text: string): Promise<void> {
  await tab(phone.page, 'Schreiben').tap();
  const form = phone.page.getByRole('region', { name: region });
  await form.getByLabel(field, { exact: true }).fill(text);
  await form.getByRole('button', { name: 'Senden' }).tap();
  await expect.poll(() => sentEntry(phone.page, text).textContent()).toContain('Angekommen ✓');
}

/** Everything a page holds as text, hidden or not. */
const allText = (page: Page) => page.evaluate(() => document.documentElement.outerHTML);

describe('phones in the room, end to end', () => {
  it('six phones join by the QR code, send topics, caricatures and dots; the room sees only what it may', async () => {
    const board = await boards.open({ viewport: { width: 1366, height: 768 } });
    const { page } = board;
    await addCards(page, 'Marketing', ['Messe-Leads']);
    await addCards(page, 'Sales', ['Preisliste']);
    // The audience window, as the control window opens it (it publishes only while one is open).
    await page.getByRole('button', { name: 'Audience window' }).click();
    const audience = await board.context.newPage();
    await audience.goto(board.host.audienceUrl);
    await page.bringToFront();

    await switchPhonesOn(page);
    const joinUrl = await readQrCode(page);
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/j#k=[A-Za-z0-9_-]{22}$/);
    // The projector shows the same code, large, with the count.
    await expect.poll(() => audience.getByRole('img', { name: 'QR code to join with a phone' }).count()).toBe(1);

    const phones: Phone[] = [];
    for (const participant of participants) phones.push(await joinPhone(board, joinUrl, participant));
    await expect.poll(() => audience.getByText(/6 phones joined/).count()).toBe(1);
    await expect.poll(() => phonesPanel(page).getByRole('listitem').count()).toBe(6);

    // Topics land in the control window's inbox only.
    for (const phone of phones) await send(phone, 'Thema vorschlagen', 'Thema', `Thema von ${phone.name}`);
    await page.getByRole('button', { name: /^Inbox/ }).click();
    const inbox = page.getByRole('region', { name: 'Topics from phones' });
    await expect.poll(() => inbox.getByRole('listitem').count()).toBe(6);
    expect(await allText(audience)).not.toContain('Thema von');
    await inbox.getByRole('button', { name: 'Place “Thema von Anna” in Seam' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Seam' }).getByText('Thema von Anna').count()).toBe(1);

    // Caricatures, in their block: hidden from the control window's DOM, the projector and the other phones.
    const agenda = page.getByRole('navigation', { name: 'Agenda' });
    await agenda.getByRole('button', { name: 'Start agenda' }).click();
    await agenda.getByRole('button', { name: 'Next block' }).click();
    const [anna, ben] = phones;
    if (!anna || !ben) throw new Error('phones missing');
    await send(anna, 'Zerrbild der anderen Seite', 'Zerrbild', 'Sales verspricht alles');
    await send(ben, 'Zerrbild der anderen Seite', 'Zerrbild', 'Marketing malt bunte Bilder');
    for (const hidden of [page, audience, ...phones.slice(2).map((phone) => phone.page)]) {
      const text = await allText(hidden);
      expect(text).not.toContain('Sales verspricht alles');
      expect(text).not.toContain('Marketing malt bunte Bilder');
    }
    await page.getByRole('button', { name: 'Reveal caricatures' }).click();
    await expect.poll(() => audience.getByText('Sales verspricht alles').count()).toBe(1);
    const dora = phones[3];
    if (!dora) throw new Error('phone missing');
    await tab(dora.page, 'Board').tap();
    await expect.poll(() => dora.page.getByText('Marketing malt bunte Bilder').count()).toBeGreaterThan(0);

    // Dots: each phone votes as itself.
    await page.getByRole('button', { name: /^Dot voting/ }).click();
    await page.getByRole('radio', { name: 'Each phone votes' }).check();
    for (const phone of phones) {
      await tab(phone.page, 'Punkte').tap();
      await phone.page.getByRole('button', { name: 'Ein Punkt mehr auf „Preisliste“' }).tap();
      await expect.poll(() => phone.page.getByText('Noch 2 Punkte').count()).toBeGreaterThan(0);
    }
    await expect.poll(() => page.getByText('6 phones have voted').count()).toBe(1);
    expect(await allText(audience)).not.toMatch(/6 (dots|Punkte)/);
    await page.getByRole('button', { name: 'Reveal totals' }).click();
    await tab(anna.page, 'Board').tap();
    await expect.poll(() => anna.page.getByRole('listitem').filter({ hasText: 'Preisliste' }).first().textContent()).toContain('6 Punkte');

    // A phone loses the Wi-Fi and comes back: what it typed meanwhile arrives once.
    const fay = phones[5];
    if (!fay) throw new Error('phone missing');
    await fay.context.setOffline(true);
    await expect.poll(() => status(fay.page).textContent()).toMatch(/^Offline/);
    await tab(fay.page, 'Schreiben').tap();
    const topicForm = fay.page.getByRole('region', { name: 'Thema vorschlagen' });
    await topicForm.getByLabel('Thema', { exact: true }).fill('Zurück im Netz');
    await topicForm.getByRole('button', { name: 'Senden' }).tap();
    await fay.context.setOffline(false);
    await expect.poll(() => status(fay.page).textContent(), { timeout: 20_000 }).toBe('Verbunden');
    await expect.poll(() => sentEntry(fay.page, 'Zurück im Netz').textContent(), { timeout: 20_000 }).toContain('Angekommen ✓');
    await expect.poll(() => inbox.getByText('Zurück im Netz').count()).toBe(1);

    for (const phone of phones) await phone.context.close();
  }, 180_000);
});
