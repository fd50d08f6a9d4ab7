/**
 * The control window's side of the phones in the room, in Chromium against the web test host's
 * room server on 127.0.0.1: phones are plain `ws` clients from Node. docs/ARCHITECTURE.md, "Phones in the room".
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Locator, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Department } from '../../core/model';
import type { ServerMessage } from '../../core/room-protocol';
import { formatJoinCode, secretFromFragment } from '../../core/room-join';
import type { RoomService } from '../../electron/services/room';
import { useBoards, type BoardPage } from './support';

const boards = useBoards();
const phones: Phone[] = [];
afterEach(() => {
  for (const phone of phones.splice(0)) phone.socket.close();
});

/** A phone as the phone app would be: its Origin is the room's URL, it joins with the QR code's secret. */
class Phone {
  readonly messages: ServerMessage[] = [];
  private waiters: (() => void)[] = [];
  private next = 0;
  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    socket.on('close', () => {
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async join(joinUrl: string, name: string, side: Department): Promise<Phone> {
    const url = new URL(joinUrl);
    const socket = new WebSocket(`ws://${url.host}/room`, { origin: url.origin });
    const phone = new Phone(socket);
    phones.push(phone);
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(JSON.stringify({ type: 'join', secret: secretFromFragment(url.hash), name, side }));
    return phone;
  }

  async waitFor<M extends ServerMessage>(test: (message: ServerMessage) => message is M): Promise<M> {
    for (;;) {
      const found = this.messages.find(test);
      if (found) return found;
      if (this.socket.readyState >= WebSocket.CLOSING) throw new Error(`closed without it: ${JSON.stringify(this.messages)}`);
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  /** Sends a command and waits for its ack. */
  async send(command: Record<string, unknown>): Promise<Extract<ServerMessage, { type: 'ack' }>> {
    const id = `m${++this.next}`;
    this.socket.send(JSON.stringify({ ...command, id }));
    return this.waitFor((message): message is Extract<ServerMessage, { type: 'ack' }> => message.type === 'ack' && message.id === id);
  }

  bye(): Promise<Extract<ServerMessage, { type: 'bye' }>> {
    return this.waitFor((message): message is Extract<ServerMessage, { type: 'bye' }> => message.type === 'bye');
  }
}

const welcomed = (message: ServerMessage): message is Extract<ServerMessage, { type: 'welcome' }> => message.type === 'welcome';

/** A phone app folder: the real one is another branch's; the room server only needs an index.html. */
async function phoneApp(): Promise<string> {
  const dir = await boards.tempDir('phone-app');
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>phone</title>');
  return dir;
}

async function openWithPhones(options: Parameters<typeof boards.open>[0] = {}): Promise<BoardPage> {
  return boards.open({ ...options, phoneAppDir: await phoneApp() });
}

function roomOf(board: BoardPage): RoomService {
  if (!board.webHost) throw new Error('no web host');
  return board.webHost.room;
}

const phonesPanel = (page: Page) => page.getByRole('region', { name: /^(Phones in the room|Handys im Raum)$/ });
const inbox = (page: Page) => page.getByRole('region', { name: 'Topics from phones' });
const lane = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const titlesIn = (page: Page, name: string) => lane(page, name).locator('.card-title').allInnerTexts();

/** Phones → choose the address → Switch phones on; the firewall is explained first, the first time. */
async function switchOn(page: Page, text = { button: /^Phones/, on: 'Switch phones on' }): Promise<Locator> {
  await page.getByRole('button', { name: text.button }).click();
  const panel = phonesPanel(page);
  await expect.poll(() => panel.getByRole('combobox').inputValue()).toBe('127.0.0.1');
  await panel.getByRole('button', { name: text.on }).click();
  await page.getByRole('dialog').getByRole('button', { name: text.on }).click();
  await panel.getByRole('img').waitFor();
  return panel;
}

async function readQr(locator: Locator): Promise<string | undefined> {
  const png = PNG.sync.read(await locator.screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** The room's page; the audience window opened from the control window first, so the control window publishes. */
async function openAudience(board: BoardPage): Promise<Page> {
  await board.page.getByRole('button', { name: /^(Audience window|Publikumsfenster)$/ }).click();
  const page = await board.context.newPage();
  page.on('pageerror', (error) => board.errors.push(`audience: ${error.message}`));
  await page.goto(board.host.audienceUrl);
  await board.page.bringToFront();
  return page;
}

describe('phones in the room, from the control window', () => {
  it('switches on at 127.0.0.1, shows a readable QR code, the address and code; a phone joins and is listed, also on the projector', async () => {
    const board = await openWithPhones();
    const { page } = board;
    const room = roomOf(board);
    const panel = await switchOn(page);
    const state = room.state();
    if (!state.on) throw new Error('the room is not on');

    await expect.poll(() => readQr(panel.getByRole('img', { name: 'QR code to join with a phone' }))).toBe(state.joinUrl);
    await expect.poll(() => panel.locator('.phones-url').innerText()).toBe(state.url);
    await expect.poll(() => panel.locator('.phones-code').innerText()).toBe(formatJoinCode(state.code));
    await panel.getByText('0 phones joined').waitFor();

    // The projector: the code large (16 px a module on 1080p), and read back from its screenshot.
    const audience = await openAudience(board);
    const projected = audience.getByRole('img', { name: 'QR code to join with a phone' });
    await projected.waitFor();
    expect((await projected.boundingBox())?.height).toBe(41 * 16);
    expect(await readQr(projected)).toBe(state.joinUrl);
    await audience.getByText(formatJoinCode(state.code)).waitFor();

    const anna = await Phone.join(state.joinUrl, 'Anna', 'sales');
    await anna.waitFor(welcomed);
    const entry = panel.getByRole('listitem').filter({ hasText: 'Anna' });
    await expect.poll(() => entry.innerText()).toMatch(/Anna\s+Sales\s+online\s+0 submissions/);
    await panel.getByText('1 phone joined').waitFor();
    await page.getByRole('button', { name: /^Phones 1 in$/ }).waitFor();
    await audience.getByText('1 phone joined').waitFor();

    // Hidden from the projector on request, and back.
    await panel.getByRole('checkbox', { name: 'Show join code on the projector' }).uncheck();
    await projected.waitFor({ state: 'detached' });
    await panel.getByRole('checkbox', { name: 'Show join code on the projector' }).check();
    await projected.waitFor();

    // Presentation mode shows it large in the control window too; "Hide join code" takes it away there and on the projector.
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('F5');
    const presented = page.locator('.join-display').getByRole('img', { name: 'QR code to join with a phone' });
    await presented.waitFor();
    expect((await presented.boundingBox())?.height).toBe(41 * 16);
    expect(await readQr(presented)).toBe(state.joinUrl);
    await page.getByRole('button', { name: 'Hide join code' }).click();
    await presented.waitFor({ state: 'detached' });
    await projected.waitFor({ state: 'detached' });
    await page.keyboard.press('Escape');
    await panel.getByRole('checkbox', { name: 'Show join code on the projector' }).check();
    await projected.waitFor();

    // Anonymous: no name given.
    const nameless = await Phone.join(state.joinUrl, '', 'marketing');
    await nameless.waitFor(welcomed);
    await expect.poll(() => panel.getByRole('listitem').filter({ hasText: 'Anonymous' }).innerText()).toMatch(/Anonymous\s+Marketing/);

    await page.getByRole('button', { name: 'Switch phones off' }).click();
    await panel.getByRole('button', { name: 'Switch phones on' }).waitFor();
    await projected.waitFor({ state: 'detached' });
    expect(room.state().on).toBe(false);
    await anna.bye().catch(() => undefined);
  });

  it('inbox: a phone’s topic is placed by keys and by drag, merged and discarded, each one undo step; undo keeps the topic', async () => {
    const board = await openWithPhones();
    const { page } = board;
    await switchOn(page);
    const state = roomOf(board).state();
    if (!state.on) throw new Error('the room is not on');
    const phone = await Phone.join(state.joinUrl, 'Ben', 'marketing');
    await phone.waitFor(welcomed);

    expect((await phone.send({ type: 'addTopic', title: 'Leads arrive late' })).status).toBe('received');
    const inboxButton = page.getByRole('button', { name: /^Inbox 1$/ });
    await inboxButton.click();
    const topics = inbox(page);
    await topics.getByText('Leads arrive late').waitFor();
    // Only the control window sorts the inbox: nothing of it in the phone's board message.
    expect(JSON.stringify(phone.messages)).not.toContain('Leads arrive late');

    // By keys: the place button, Enter.
    await topics.getByRole('button', { name: 'Place “Leads arrive late” in Sales' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => titlesIn(page, 'Sales')).toEqual(['Leads arrive late']);
    await topics.getByText('No topics waiting.', { exact: false }).waitFor();
    // Undo takes the placement back, not the topic: it waits in the inbox again.
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect.poll(() => titlesIn(page, 'Sales')).toEqual([]);
    await topics.getByText('Leads arrive late').waitFor();

    // By drag: onto the Marketing lane.
    await topics.getByRole('listitem').filter({ hasText: 'Leads arrive late' }).dragTo(lane(page, 'Marketing'));
    await expect.poll(() => titlesIn(page, 'Marketing')).toEqual(['Leads arrive late']);

    // Merge a duplicate into that card.
    expect((await phone.send({ type: 'addTopic', title: 'Leads come in too late' })).status).toBe('received');
    await topics.getByRole('button', { name: 'Merge “Leads come in too late” into a card' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge “Leads come in too late” into a card' });
    await dialog.getByRole('combobox', { name: 'Card' }).selectOption({ label: 'Leads arrive late (Marketing)' });
    await dialog.getByRole('button', { name: 'Merge' }).click();
    await topics.getByText('No topics waiting.', { exact: false }).waitFor();
    await expect.poll(() => titlesIn(page, 'Marketing')).toEqual(['Leads arrive late']);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await topics.getByText('Leads come in too late').waitFor();

    // Discard.
    await topics.getByRole('button', { name: 'Discard “Leads come in too late”' }).click();
    await topics.getByText('No topics waiting.', { exact: false }).waitFor();
    await page.getByRole('button', { name: /^Inbox 0$/ }).waitFor();
  });

  it('the facilitator stays in charge: pause, close joining, a new code, remove a participant, end for everyone', async () => {
    const board = await openWithPhones();
    const { page } = board;
    const room = roomOf(board);
    const panel = await switchOn(page);
    const first = room.state();
    if (!first.on) throw new Error('the room is not on');
    const carla = await Phone.join(first.joinUrl, 'Carla', 'sales');
    await carla.waitFor(welcomed);
    await panel.getByText('1 phone joined').waitFor();

    await panel.getByRole('button', { name: 'Pause phones' }).click();
    await panel.getByText('Phones are paused', { exact: false }).waitFor();
    expect(await carla.send({ type: 'addTopic', title: 'While paused' })).toMatchObject({ status: 'refused', refusal: 'paused' });
    await panel.getByRole('button', { name: 'Resume phones' }).click();
    expect((await carla.send({ type: 'addTopic', title: 'After the pause' })).status).toBe('received');
    await expect.poll(() => panel.getByRole('listitem').filter({ hasText: 'Carla' }).innerText()).toContain('1 submission');

    await panel.getByRole('button', { name: 'Close joining' }).click();
    await panel.getByText('Joining is closed', { exact: false }).waitFor();
    await expect.poll(() => panel.getByRole('img').count()).toBe(0);
    const late = await Phone.join(first.joinUrl, 'Late', 'other');
    expect((await late.bye()).reason).toBe('joiningClosed');
    await panel.getByRole('button', { name: 'Open joining' }).click();

    await panel.getByRole('button', { name: 'New code' }).click();
    await expect.poll(() => panel.locator('.phones-code').innerText()).not.toBe(formatJoinCode(first.code));
    const second = room.state();
    if (!second.on) throw new Error('the room is not on');
    await expect.poll(() => readQr(panel.getByRole('img'))).toBe(second.joinUrl);
    await panel.getByText('the old QR code and code no longer work', { exact: false }).waitFor();

    await panel.getByRole('button', { name: 'Remove Carla' }).click();
    await page.getByRole('dialog', { name: 'Remove Carla from the room?' }).getByRole('button', { name: 'Remove', exact: true }).click();
    expect((await carla.bye()).reason).toBe('removed');
    await panel.getByText('No phone has joined yet.').waitFor();

    const dan = await Phone.join(second.joinUrl, 'Dan', 'marketing');
    await dan.waitFor(welcomed);
    await panel.getByRole('button', { name: 'End for everyone' }).click();
    await page.getByRole('dialog', { name: 'End the room for every phone?' }).getByRole('button', { name: 'End for everyone' }).click();
    expect((await dan.bye()).reason).toBe('ended');
    await panel.getByText('0 phones joined').waitFor();
  });

  it('lists what to check when nobody joined a minute after switching on (a fake clock)', async () => {
    const board = await openWithPhones();
    const { page } = board;
    await page.clock.install();
    const panel = await switchOn(page);
    const checklist = panel.getByRole('region', { name: 'No phone has joined yet? Check:' });
    await page.clock.runFor(50_000);
    expect(await checklist.count()).toBe(0);
    await page.clock.runFor(11_000);
    await checklist.waitFor();
    const state = roomOf(board).state();
    if (!state.on) throw new Error('the room is not on');
    await checklist.getByText(`Type the address by hand in the phone’s browser: ${state.url}`).waitFor();
    await checklist.getByText('Guest Wi-Fi', { exact: false }).waitFor();
    // Once a phone joins, the checklist has done its work.
    const phone = await Phone.join(state.joinUrl, 'Eva', 'other');
    await phone.waitFor(welcomed);
    await page.clock.runFor(1_000);
    await checklist.waitFor({ state: 'detached' });
  });

  it('dot voting by phone: each phone votes as itself; the panel counts the phones that voted', async () => {
    const board = await openWithPhones();
    const { page } = board;
    await switchOn(page);
    const state = roomOf(board).state();
    if (!state.on) throw new Error('the room is not on');
    await lane(page, 'Marketing').getByRole('button', { name: 'Add card', exact: true }).click();
    await lane(page, 'Marketing').getByRole('textbox').fill('Pricing page');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    const cardId = (await lane(page, 'Marketing').locator('[data-card-id]').first().getAttribute('data-card-id')) ?? '';

    await page.getByRole('button', { name: 'Dot voting' }).click();
    const voting = page.getByRole('region', { name: 'Dot voting' });
    await voting.getByRole('radio', { name: 'Each phone votes' }).check();
    await voting.getByText('0 phones have voted').waitFor();
    // The facilitator places no dots for phones: no voter to choose.
    expect(await voting.getByRole('group', { name: 'Who is placing dots?' }).count()).toBe(0);

    const phone = await Phone.join(state.joinUrl, 'Finn', 'sales');
    await phone.waitFor(welcomed);
    expect((await phone.send({ type: 'vote', cardId, delta: 1 })).status).toBe('received');
    await voting.getByText('1 phone has voted').waitFor();
    await voting.getByRole('button', { name: 'Reveal totals' }).click();
    await voting.getByRole('listitem').filter({ hasText: 'Pricing page' }).getByText('1 dot').waitFor();
  });

  it('in German at 1366×768 and 1280×720 the panel fits the window', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1280, height: 720 },
    ]) {
      const board = await openWithPhones({ locale: 'de-DE', viewport });
      const { page } = board;
      const panel = await switchOn(page, { button: /^Handys/, on: 'Handys einschalten' });
      const state = roomOf(board).state();
      if (!state.on) throw new Error('the room is not on');
      const phone = await Phone.join(state.joinUrl, 'Gerda Müller-Lüdenscheidt', 'marketing');
      await phone.waitFor(welcomed);
      await panel.getByText('1 Handy dabei').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      for (const name of [
        'Beitritt schließen',
        'Neuer Code',
        'Handys pausieren',
        'Für alle beenden',
        'Handys ausschalten',
        'Gerda Müller-Lüdenscheidt entfernen',
      ]) {
        const box = await panel.getByRole('button', { name }).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= viewport.width, name).toBe(true);
      }
      // The projector at this size: the code still reads.
      const audience = await openAudience(board);
      const projected = audience.getByRole('img', { name: 'QR-Code zum Mitmachen mit dem Handy' });
      await projected.waitFor();
      expect(await readQr(projected)).toBe(state.joinUrl);
      await board.close();
    }
  });
});
