/**
 * The control page as main serves it (electron/services/first-frame.ts): with the first frame of the
 * prepared startup state, or as built whenever there is none to give.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi, type Mock } from 'vitest';
import type { StartupState } from '../../../core/api';
import { firstFramePages, type FirstFrameOptions } from '../../../electron/services/first-frame';
import { startupPreferences } from '../../harness/startup-preferences';
import { removeTempFolders, tempFolder } from './support';

afterAll(removeTempFolders);

const page = '<!doctype html>\n<html lang="de">\n<body><div id="root"></div></body>\n</html>';

const startup = (windowZoom = 1): StartupState => ({
  systemLocale: 'de-DE',
  preferences: startupPreferences({ theme: 'dark', sessionsFolder: '/s', windowZoom }),
  session: null,
  problem: null,
  preferencesProblem: null,
});

/** A built render as a module file: it answers with what it was asked, so the test sees the request. */
async function renderModule(body: string): Promise<string> {
  const file = join(await tempFolder(), 'index.js');
  await writeFile(file, body);
  return file;
}

const echoingRender = `export async function renderFirstFrame(request) {
  return { html: '<p>' + request.viewportHeight + ' ' + request.startup.systemLocale + '</p>', language: 'de', shownTheme: request.shownTheme, windowZoom: request.startup.preferences.windowZoom };
}`;

function options(renderFile: string, over: Partial<FirstFrameOptions> = {}): FirstFrameOptions & { report: Mock<(error: unknown) => void> } {
  const report = vi.fn<(error: unknown) => void>();
  return {
    renderFile,
    prepareStartupState: async () => startup(),
    isStillPrepared: () => true,
    viewportHeight: () => 720,
    shownTheme: () => 'contrast',
    ...over,
    report,
  };
}

describe('firstFramePages', () => {
  it('serves the page with the frame rendered for the prepared startup state, the window’s height and the shown theme', async () => {
    const prepare = vi.fn(async () => startup());
    const served = await firstFramePages(options(await renderModule(echoingRender), { prepareStartupState: prepare }))(page);
    expect(served).toBe('<!doctype html>\n<html lang="de" data-theme="contrast">\n<body><div id="root" inert><p>720 de-DE</p></div></body>\n</html>');
    expect(prepare).toHaveBeenCalledOnce();
  });

  it('renders the first page’s frame as it is created (while main makes the window), later pages’ when they are asked for', async () => {
    const counting = `export async function renderFirstFrame(request) {
      globalThis.firstFramesRendered = (globalThis.firstFramesRendered ?? 0) + 1;
      return { html: '<p>' + globalThis.firstFramesRendered + '</p>', language: 'de', shownTheme: request.shownTheme };
    }`;
    const rendered = () => (globalThis as { firstFramesRendered?: number }).firstFramesRendered;
    const controlPage = firstFramePages(options(await renderModule(counting)));
    await vi.waitFor(() => expect(rendered()).toBe(1));
    expect(await controlPage(page)).toContain('<div id="root" inert><p>1</p></div>');
    expect(rendered()).toBe(1);
    expect(await controlPage(page)).toContain('<div id="root" inert><p>2</p></div>');
  });

  it('renders anew when the state prepared ahead was dropped (a file opened from outside as the app started)', async () => {
    const states = [startup(), { ...startup(), systemLocale: 'en-GB' }];
    const prepared: Promise<StartupState>[] = [];
    const prepare = () => {
      const next = Promise.resolve(states[prepared.length] ?? startup());
      prepared.push(next);
      return next;
    };
    // Only the newest state is still prepared: the one made ahead was dropped.
    const controlPage = firstFramePages(
      options(await renderModule(echoingRender), {
        prepareStartupState: prepare,
        isStillPrepared: (state) => state === prepared.at(-1) && prepared.length > 1,
      }),
    );
    expect(await controlPage(page)).toContain('<p>720 en-GB</p>');
    expect(prepared).toHaveLength(2);
  });

  it('serves the page as built when its state was dropped while the frame was rendered: no picture of a session the page will not start with', async () => {
    let prepared = true;
    const settings = options(await renderModule(echoingRender), {
      prepareStartupState: async () => {
        prepared = true;
        return startup();
      },
      isStillPrepared: () => prepared,
    });
    const controlPage = firstFramePages(settings);
    // The check before rendering passes; a call that changed the state then ends.
    const served = controlPage(page);
    prepared = false;
    expect(await served).toBe(page);
  });

  it('prepares the startup state anew for every page served (a reload reads the session afresh)', async () => {
    const prepare = vi.fn(async () => startup());
    const controlPage = firstFramePages(options(await renderModule(echoingRender), { prepareStartupState: prepare }));
    await controlPage(page);
    await controlPage(page);
    expect(prepare).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['the render throws', `export async function renderFirstFrame() { throw new Error('broken render'); }`, 'broken render'],
    ['the module has no render', `export const somethingElse = 1;`, 'No renderFirstFrame'],
    ['the module does not load', `export async function renderFirstFrame( {`, ''],
  ])('serves the page as built, and reports why, when %s', async (_case, body, message) => {
    const settings = options(await renderModule(body));
    expect(await firstFramePages(settings)(page)).toBe(page);
    expect(settings.report).toHaveBeenCalledOnce();
    expect(String(settings.report.mock.calls[0]?.[0])).toContain(message);
  });

  it('serves the page as built when the render file is missing', async () => {
    const settings = options(join(await tempFolder(), 'missing.js'));
    expect(await firstFramePages(settings)(page)).toBe(page);
    expect(settings.report).toHaveBeenCalledOnce();
  });

  it('serves the page as built, without a report, when the startup state fails: the page reports that itself', async () => {
    const settings = options(await renderModule(echoingRender), { prepareStartupState: () => Promise.reject(new Error('disk gone')) });
    expect(await firstFramePages(settings)(page)).toBe(page);
    expect(settings.report).not.toHaveBeenCalled();
  });

  it('serves the frame at the window zoom (a number on the root, which the page’s CSS reads)', async () => {
    const settings = options(await renderModule(echoingRender), { prepareStartupState: async () => startup(1.2) });
    expect(await firstFramePages(settings)(page)).toContain('<div id="root" inert data-window-zoom="1.2"><p>720 de-DE</p></div>');
  });
});
