/**
 * The opt-in check with the real Electron (`npm run test:electron`, docs/security.md): launches the
 * built app (out/) with playwright-core's Electron support and checks what unit tests can only
 * check against a fake — the window is on app://, the protocol sends the CSP header, navigation
 * and window.open are refused, a session is saved to disk and opens again after a restart — and
 * reads the fuses of a packaged build.
 *
 * NOT part of `npm test`, and never run on the project's build machines: there Electron's binary
 * cannot be downloaded. Run it on a developer machine with a display (or under xvfb-run). The
 * packaged app cannot be launched by Playwright (its nodeCliInspect fuse is off, which Playwright
 * needs), so its fuses are read from the binary: set NAHTSTELLE_PACKAGED_APP to the packaged
 * executable (e.g. release/linux-unpacked/nahtstelle after `npm run dist -- --linux dir`).
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

interface Launched {
  readonly app: ElectronApplication;
  readonly page: Page;
}

let home: string | undefined;
const running: ElectronApplication[] = [];

afterEach(async () => {
  for (const app of running.splice(0)) await app.close().catch(() => undefined);
  if (home) await rm(home, { recursive: true, force: true });
  home = undefined;
});

/** The built app with its own HOME (so Documents/Nahtstelle and the preferences are the test's). */
async function launch(): Promise<Launched> {
  home ??= await mkdtemp(join(tmpdir(), 'nahtstelle-electron-'));
  const app = await electron.launch({
    args: [projectRoot, `--user-data-dir=${join(home, 'user-data')}`],
    cwd: projectRoot,
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DOCUMENTS_DIR: join(home, 'Documents'), LANG: 'en_US.UTF-8' },
  });
  running.push(app);
  const page = await app.firstWindow();
  // Until the app has rendered over the page's first frame, the page takes no clicks (docs/ARCHITECTURE.md, "The first frame").
  await page.locator('#root:not([inert])').waitFor({ state: 'attached' });
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return { app, page };
}

describe('the real app', () => {
  it('opens its window on app://, with the CSP as a response header', async () => {
    const { app, page } = await launch();
    expect(page.url()).toBe('app://nahtstelle/index.html');
    const headers = await app.evaluate(async ({ net }) => {
      const response = await net.fetch('app://nahtstelle/index.html');
      return { status: response.status, csp: response.headers.get('content-security-policy') };
    });
    expect(headers.status).toBe(200);
    expect(headers.csp).toContain("default-src 'self'");
    const traversal = await app.evaluate(async ({ net }) => (await net.fetch('app://nahtstelle/%2e%2e%2fmain%2findex.js')).status);
    expect(traversal).toBe(404);
  });

  it('refuses navigation away and window.open', async () => {
    const { app, page } = await launch();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    const opened = await page.evaluate(() => window.open('https://example.com/') === null);
    // A navigation that was not refused would arrive there; it must not.
    await expect(page.waitForURL(/^https:/, { timeout: 2000 })).rejects.toThrow();
    expect(page.url()).toBe('app://nahtstelle/index.html');
    expect(opened).toBe(true);
    expect(app.windows()).toHaveLength(1);
    const fileNavigation = await page.evaluate(
      async () =>
        await fetch('file:///etc/hostname').then(
          () => 'read',
          () => 'refused',
        ),
    );
    expect(fileNavigation).toBe('refused');
  });

  it('saves a session to disk and opens it again after a restart', async () => {
    let { app, page } = await launch();
    await page.getByRole('button', { name: 'New session' }).click();
    await page.getByRole('dialog').getByLabel('Title').fill('Echter Electron-Test');
    await page.getByRole('dialog').getByRole('button', { name: 'Create session' }).click();
    const lane = page.getByRole('region', { name: 'Marketing', exact: true });
    await lane.getByRole('button', { name: 'Add card', exact: true }).click();
    await lane.getByRole('textbox').fill('Leads aus der Messe');
    await lane.getByRole('textbox').press('Enter');
    await lane.getByRole('textbox').press('Escape');
    await page.getByText(/^Saved · /).waitFor();

    const folder = join(home ?? '', 'Documents', 'Nahtstelle');
    const [file] = (await readdir(folder)).filter((name) => name.endsWith('.nahtstelle'));
    expect(file).toBeDefined();
    expect(await readFile(join(folder, file ?? ''), 'utf8')).toContain('Leads aus der Messe');

    await app.close();
    running.splice(running.indexOf(app), 1);
    ({ app, page } = await launch());
    await page.getByRole('button', { name: 'Leads aus der Messe' }).waitFor();
  });
});

describe('a packaged build', () => {
  const packaged = process.env.NAHTSTELLE_PACKAGED_APP;

  it.skipIf(!packaged)('has its fuses as electron-builder.yml configures them', async () => {
    const wire = await getCurrentFuseWire(packaged ?? '');
    const on = '1'.charCodeAt(0);
    const off = '0'.charCodeAt(0);
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
  });
});
