/**
 * Packaging smoke test: runs electron-builder's real CLI with the project's electron-builder.yml
 * (target `dir`, Linux) and checks what ends up in app.asar.
 *
 * No Electron binary is needed or downloaded: `electronDist` points at a temporary folder holding
 * a stand-in `electron` shell script (plus a few dummy locale files, so `electronLanguages` has
 * something to prune). The script carries a real fuse wire — the sentinel and a wire of the
 * current schema with Electron 45's defaults — so electron-builder's `electronFuses` step flips it
 * for real, and the test reads it back with @electron/fuses. Expects `npm run build` to have produced out/ already (`npm test` and
 * `npm run test:e2e` build first).
 */
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isBuiltin } from 'node:module';
import { promisify } from 'node:util';
// @electron/asar 3.x comes with electron-builder (4.x would need Node 22).
import { extractFile, listPackage } from '@electron/asar';
// The same @electron/fuses electron-builder flips the wire with (1.8.0; 2.x needs Node 22).
import { FuseV1Options, FuseVersion, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoSession } from '../../core/demo';
import { inlineStyleSheets, pagePolicy, styleSheetSource } from '../../electron/content-security-policy';
import { loadRenderFirstFrame } from '../../electron/services/first-frame';
import { startupPreferences } from '../harness/startup-preferences';

const execFileAsync = promisify(execFile);

const TIMEOUT_MS = 120_000;
const MAX_ASAR_BYTES = 15 * 1024 * 1024;

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'out/phone/index.html'] as const;

/** Locales the stand-in Electron ships; electron-builder.yml keeps only de and en-US. */
const STAND_IN_LOCALES = ['de', 'en-US', 'fr', 'ja'] as const;

interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  bin?: string | Record<string, string>;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

function readPackageJson(path: string): PackageJson {
  return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
}

/** Node's lookup: the nearest node_modules/<name> from `fromDir` upwards, not above the project. */
function findInstalledPackage(name: string, fromDir: string): string | undefined {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === projectRoot) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Names of all packages reachable from package.json's `dependencies` (the runtime closure). */
function runtimeDependencyClosure(): Set<string> {
  const names = new Set<string>();
  const seenDirs = new Set<string>();
  const queue: { name: string; from: string }[] = Object.keys(readPackageJson(join(projectRoot, 'package.json')).dependencies ?? {}).map((name) => ({
    name,
    from: projectRoot,
  }));
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    const dir = findInstalledPackage(next.name, next.from);
    if (dir === undefined || seenDirs.has(dir)) continue;
    seenDirs.add(dir);
    names.add(next.name);
    const pkg = readPackageJson(join(dir, 'package.json'));
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) {
      queue.push({ name: dep, from: dir });
    }
  }
  return names;
}

/** Package names (scoped ones as `@scope/name`) at any depth of node_modules in the archive. */
function shippedPackageNames(entries: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const entry of entries) {
    const name = /\/node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(entry)?.[1];
    // Skip .bin and the bare `@scope` folder itself.
    if (name !== undefined && !name.startsWith('.') && !(name.startsWith('@') && !name.includes('/'))) names.add(name);
  }
  return names;
}

/**
 * What a bundled main file loads: static imports, `import("…")` with a literal, and the bundler's
 * `__require("…")` (CommonJS packages inside the bundle asking for Node built-ins).
 */
function loadedSpecifiers(code: string): string[] {
  const patterns = [
    /^import\s[^;]*?from\s*["']([^"']+)["']/gm,
    /^import\s*["']([^"']+)["']/gm,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\b__require\(\s*["']([^"']+)["']\s*\)/g,
  ];
  // Comment lines hold JSDoc types such as `{import('./types/index').Options}`: not loads.
  const withoutComments = code
    .split('\n')
    .filter((line) => !/^\s*(\/\*|\*|\/\/)/.test(line))
    .join('\n');
  return patterns.flatMap((pattern) => [...withoutComments.matchAll(pattern)].map((match) => match[1] ?? ''));
}

function electronBuilderCli(): string {
  const dir = join(projectRoot, 'node_modules', 'electron-builder');
  const { bin } = readPackageJson(join(dir, 'package.json'));
  const rel = typeof bin === 'string' ? bin : bin?.['electron-builder'];
  if (rel === undefined) throw new Error('electron-builder/package.json names no electron-builder bin');
  return join(dir, rel);
}

/** The child gets the real CLI's environment: vitest's variables make electron-builder silence its log. */
function builderEnv(cacheDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('VITEST')) env[key] = value;
  }
  return {
    ...env,
    // Nothing may come from the network: Electron comes from electronDist, tools would land in
    // this (checked to stay empty), there is nothing to sign, and no update check.
    ELECTRON_BUILDER_CACHE: cacheDir,
    ELECTRON_CACHE: join(cacheDir, 'electron'),
    CSC_IDENTITY_AUTO_DISCOVERY: 'false',
    NO_UPDATE_NOTIFIER: '1',
  };
}

/**
 * Electron's fuse wire as its build writes it into the binary (electron/build/fuses/build.py):
 * the sentinel, the schema version byte (1), the number of fuses, then one '0'/'1' per fuse.
 * Electron 45's nine fuses with their defaults: runAsNode 1, cookieEncryption 0, nodeOptions 1,
 * nodeCliInspect 1, embeddedAsarIntegrityValidation 0, onlyLoadAppFromAsar 0,
 * loadBrowserProcessSpecificV8Snapshot 0, grantFileProtocolExtraPrivileges 1, wasmTrapHandlers 1.
 */
const fuseSentinel = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const electron45FuseDefaults = '101100011';
const standInFuseWire = `${fuseSentinel}\x01${String.fromCharCode(electron45FuseDefaults.length)}${electron45FuseDefaults}`;

/** A fuse's state as @electron/fuses reports it: the wire's byte, '1' (49) or '0' (48). */
const fuseOn = '1'.charCodeAt(0);
const fuseOff = '0'.charCodeAt(0);

function makeStandInElectron(dir: string): void {
  mkdirSync(join(dir, 'locales'), { recursive: true });
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const exe = join(dir, 'electron');
  // The wire sits after `exit`, where the shell never reads, as in a real binary's data section.
  writeFileSync(
    exe,
    `#!/bin/sh\necho "stand-in for Electron; this build is for inspecting app.asar only" >&2\nexit 1\n# ${standInFuseWire}\n`,
    'latin1',
  );
  chmodSync(exe, 0o755);
  for (const locale of STAND_IN_LOCALES) writeFileSync(join(dir, 'locales', `${locale}.pak`), 'stand-in');
}

describe('packaging (electron-builder --linux dir)', () => {
  let tmp = '';
  let appOutDir = '';
  let asarPath = '';
  let entries: string[] = [];
  let cacheDir = '';
  let builderLog = '';

  beforeAll(async () => {
    const missing = BUILD_OUTPUTS.filter((rel) => !existsSync(join(projectRoot, rel)));
    if (missing.length > 0) {
      throw new Error(
        `Build output missing: ${missing.join(', ')}. Run \`npm run build\` first ` + '(`npm test` and `npm run test:e2e` do so before vitest).',
      );
    }

    tmp = mkdtempSync(join(tmpdir(), 'nahtstelle-packaging-'));
    const electronDist = join(tmp, 'electron-dist');
    const outputDir = join(tmp, 'release');
    cacheDir = join(tmp, 'cache');
    mkdirSync(cacheDir);
    makeStandInElectron(electronDist);

    const electronVersion = readPackageJson(join(projectRoot, 'node_modules', 'electron', 'package.json')).version;
    if (electronVersion === undefined) throw new Error('node_modules/electron/package.json has no version');

    const args = [
      electronBuilderCli(),
      '--linux',
      'dir',
      '--publish',
      'never',
      `-c.electronDist=${electronDist}`,
      `-c.electronVersion=${electronVersion}`,
      `-c.directories.output=${outputDir}`,
    ];
    console.log(`[packaging] ${[process.execPath, ...args].join(' ')}`);
    const started = performance.now();
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, args, {
        cwd: projectRoot,
        env: builderEnv(cacheDir),
        timeout: TIMEOUT_MS - 10_000,
        maxBuffer: 16 * 1024 * 1024,
      });
      builderLog = `${stdout}\n${stderr}`;
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      throw new Error(`electron-builder failed: ${String(error)}\n--- stdout ---\n${stdout}\n--- stderr ---\n${stderr}`);
    }
    console.log(`[packaging] electron-builder took ${((performance.now() - started) / 1000).toFixed(1)} s`);

    // linux-unpacked on x64, linux-<arch>-unpacked elsewhere.
    const unpacked = readdirSync(outputDir).filter((name) => /^linux(-[a-z0-9]+)?-unpacked$/.test(name));
    if (unpacked.length !== 1 || unpacked[0] === undefined) {
      throw new Error(`expected one linux*-unpacked folder in ${outputDir}, found: ${readdirSync(outputDir).join(', ')}`);
    }
    appOutDir = join(outputDir, unpacked[0]);
    asarPath = join(appOutDir, 'resources', 'app.asar');
    if (!existsSync(asarPath)) throw new Error(`no app.asar at ${asarPath}\n${builderLog}`);
    entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.replaceAll('\\', '/'));
  }, TIMEOUT_MS);

  afterAll(() => {
    if (tmp !== '') rmSync(tmp, { recursive: true, force: true });
  });

  it(
    'uses electron-builder.yml and downloads nothing',
    () => {
      expect(builderLog).toContain('electron-builder.yml');
      expect(readdirSync(cacheDir)).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'contains the built main, preload and renderer and package.json',
    () => {
      for (const rel of BUILD_OUTPUTS) expect(entries).toContain(`/${rel}`);
      expect(entries.some((entry) => /^\/out\/renderer\/assets\/[^/]+\.js$/.test(entry))).toBe(true);
      // The Linux window icon (windows.ts linuxWindowIcon).
      expect(entries).toContain('/out/renderer/window-icon.png');
      expect(entries).toContain('/package.json');

      const pkg = JSON.parse(extractFile(asarPath, 'package.json').toString('utf8')) as PackageJson;
      expect(pkg.main).toBeDefined();
      expect(entries).toContain(`/${(pkg.main ?? '').replace(/^\.\//, '')}`);
    },
    TIMEOUT_MS,
  );

  it(
    'contains nothing but out/ and package.json: no node_modules',
    () => {
      const topLevel = [...new Set(entries.map((entry) => `/${entry.split('/')[1] ?? ''}`))].sort();
      expect(topLevel).toEqual(['/out', '/package.json']);

      const outChildren = [...new Set(entries.filter((e) => e.startsWith('/out/')).map((e) => e.split('/')[2]))].sort();
      // out/phone: the phone app the room server serves (vite.phone.config.ts); out/first-frame: the
      // render main loads to put the board into the control page (vite.first-frame.config.ts).
      expect(outChildren).toEqual(['first-frame', 'main', 'phone', 'preload', 'renderer']);

      for (const sourceDir of ['/test/', '/bench/', '/core/', '/renderer/', '/electron/', '/assets/', '/docs/']) {
        expect(entries.filter((entry) => entry.startsWith(sourceDir))).toEqual([]);
      }
      expect(entries.filter((entry) => /\.(ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
      expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'ships the page with its style sheet in it, allowed by its hash in the page’s own policy, and no style sheet file',
    () => {
      const page = extractFile(asarPath, 'out/renderer/index.html').toString('utf8');
      const [sheet, ...others] = inlineStyleSheets(page);
      expect(others).toEqual([]);
      // The fonts the sheet names are there, under the URLs the page resolves them to.
      const fonts = [...(sheet ?? '').matchAll(/url\(\.\/(assets\/[^)]+\.woff2)\)/g)].map((match) => `/out/renderer/${match[1] ?? ''}`);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) expect(entries).toContain(font);
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(page)?.[1];
      expect(meta).toBe(pagePolicy(page));
      expect(meta).toContain(`style-src 'self' ${styleSheetSource(sheet ?? '')};`);
      expect(meta).not.toMatch(/unsafe-/);
      expect(page).not.toMatch(/<link[^>]+stylesheet/);
      expect(entries.filter((entry) => entry.startsWith('/out/renderer/') && entry.endsWith('.css'))).toEqual([]);
    },
    TIMEOUT_MS,
  );

  it(
    'ships the first frame’s render as one file that renders a board on its own (no package beside it)',
    async () => {
      expect(entries.filter((entry) => entry.startsWith('/out/first-frame/'))).toEqual(['/out/first-frame/index.js']);
      // Out of app.asar into an empty folder: any package it needed would fail to load here.
      const alone = mkdtempSync(join(tmpdir(), 'nahtstelle-first-frame-'));
      try {
        const file = join(alone, 'index.js');
        writeFileSync(file, extractFile(asarPath, 'out/first-frame/index.js'));
        const render = await loadRenderFirstFrame(file);
        const frame = await render({
          startup: {
            systemLocale: 'de-DE',
            preferences: startupPreferences({ theme: 'light', sessionsFolder: alone }),
            session: { path: join(alone, 'demo.nahtstelle'), session: createDemoSession(30), savedAt: '2026-12-06T09:15:00.000Z', fromBackup: false },
            problem: null,
            preferencesProblem: null,
          },
          viewportHeight: 720,
          shownTheme: 'light',
        });
        expect(frame.language).toBe('de');
        expect(frame.html).toContain('<span class="card-title">Topic 1</span>');
      } finally {
        rmSync(alone, { recursive: true, force: true });
      }
    },
    TIMEOUT_MS,
  );

  // electron-store used to be loaded as an external ESM package from inside app.asar, which
  // Electron 28, 29 and 35 broke (issue 13): it is bundled into out/main, like everything else.
  it(
    'ships no package: main loads only Node built-ins and electron',
    () => {
      const runtime = runtimeDependencyClosure();
      expect([...runtime]).toEqual([]);
      expect([...shippedPackageNames(entries)]).toEqual([]);

      const mainFiles = entries.filter((entry) => /^\/out\/main\/.+\.(js|mjs|cjs)$/.test(entry));
      expect(mainFiles).toContain('/out/main/index.js');
      const loaded = new Set<string>();
      for (const file of mainFiles) {
        for (const specifier of loadedSpecifiers(extractFile(asarPath, file.slice(1)).toString('utf8'))) loaded.add(specifier);
      }
      expect(loaded.has('electron')).toBe(true);

      const unshipped = [...loaded].filter((specifier) => specifier !== 'electron' && !isBuiltin(specifier) && !specifier.startsWith('.'));
      expect(unshipped).toEqual([]);
      // Relative imports stay inside out/main.
      for (const relative of [...loaded].filter((specifier) => specifier.startsWith('.'))) {
        expect(mainFiles, `out/main imports ${relative}`).toContain(`/out/main/${relative.replace(/^\.\//, '')}`);
      }
    },
    TIMEOUT_MS,
  );

  it(
    'flips the fuses in the packaged binary as electron-builder.yml configures them',
    async () => {
      // The stand-in, renamed to the app's executable: the one file in the folder carrying the wire.
      const executables = readdirSync(appOutDir).filter((name) => {
        const path = join(appOutDir, name);
        return statSync(path).isFile() && readFileSync(path, 'latin1').includes(fuseSentinel);
      });
      expect(executables).toHaveLength(1);
      const wire = await getCurrentFuseWire(join(appOutDir, executables[0] ?? ''));
      expect(wire.version).toBe(FuseVersion.V1);
      expect({
        runAsNode: wire[FuseV1Options.RunAsNode],
        enableCookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
        enableNodeOptionsEnvironmentVariable: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
        enableNodeCliInspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
        enableEmbeddedAsarIntegrityValidation: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
        onlyLoadAppFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
        grantFileProtocolExtraPrivileges: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
      }).toEqual({
        runAsNode: fuseOff,
        enableCookieEncryption: fuseOn,
        enableNodeOptionsEnvironmentVariable: fuseOff,
        enableNodeCliInspectArguments: fuseOff,
        enableEmbeddedAsarIntegrityValidation: fuseOn,
        onlyLoadAppFromAsar: fuseOn,
        grantFileProtocolExtraPrivileges: fuseOff,
      });
      // Not configured: left as Electron ships them.
      expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(fuseOff);
      expect((wire as Record<number, number>)[8]).toBe(fuseOn); // wasmTrapHandlers (no name in @electron/fuses 1.8)
    },
    TIMEOUT_MS,
  );

  it(
    'keeps app.asar small and only the de and en-US Chromium locales',
    () => {
      const bytes = statSync(asarPath).size;
      console.log(`[packaging] app.asar: ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes} bytes, ${entries.length} entries)`);
      expect(bytes).toBeLessThan(MAX_ASAR_BYTES);

      expect(readdirSync(join(appOutDir, 'locales')).sort()).toEqual(['de.pak', 'en-US.pak']);
    },
    TIMEOUT_MS,
  );
});
