/**
 * The choices in electron-builder.yml that only a build on each system would otherwise show
 * (docs/real-machines.md): the Linux target, the mac signature and architectures, Wayland, and
 * that nothing is left for Electron to load from node_modules inside app.asar.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { appUserModelId } from '../../../electron/desktop';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface TargetEntry {
  readonly target: string;
  readonly arch?: readonly string[];
}
interface BuilderConfig {
  readonly appId: string;
  readonly directories: { readonly buildResources: string };
  readonly linux: { readonly target: readonly (string | TargetEntry)[]; readonly executableArgs?: readonly string[] };
  readonly mac: {
    readonly target: readonly (string | TargetEntry)[];
    readonly identity?: string | null;
    readonly hardenedRuntime?: boolean;
    readonly entitlements?: string;
    readonly entitlementsInherit?: string;
    readonly extendInfo?: Readonly<Record<string, unknown>>;
  };
  readonly win: { readonly target: readonly (string | TargetEntry)[] };
}

const config = load(readFileSync(join(projectRoot, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
};

const targetNames = (targets: readonly (string | TargetEntry)[]): string[] =>
  targets.map((entry) => (typeof entry === 'string' ? entry : entry.target));

describe('electron-builder.yml', () => {
  it('builds the deb for Linux, not an AppImage (which aborts on Ubuntu ≥ 23.10)', () => {
    expect(targetNames(config.linux.target)).toEqual(['deb']);
  });

  it('starts the Linux app under XWayland, where it can place its windows', () => {
    expect(config.linux.executableArgs).toContain('--ozone-platform=x11');
  });

  it('signs the mac app at least ad hoc, with the hardened runtime and Electron’s entitlements', () => {
    expect(config.mac.identity).toBe('-');
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const file of [config.mac.entitlements, config.mac.entitlementsInherit]) {
      expect(file).toBeDefined();
      const plist = readFileSync(join(projectRoot, file ?? ''), 'utf8');
      for (const key of [
        'com.apple.security.cs.allow-jit',
        'com.apple.security.cs.allow-unsigned-executable-memory',
        'com.apple.security.cs.disable-library-validation',
      ]) {
        expect(plist).toContain(`<key>${key}</key>`);
      }
    }
  });

  it('tells macOS why the app asks for the local network (the phones in the room), in English and German', () => {
    const reason = config.mac.extendInfo?.NSLocalNetworkUsageDescription;
    expect(typeof reason).toBe('string');
    expect(reason).toMatch(/phones/);
    expect(reason).toMatch(/Handys/);
  });

  it('builds a mac dmg for both Apple Silicon and Intel', () => {
    const dmg = config.mac.target.find((entry): entry is TargetEntry => typeof entry !== 'string' && entry.target === 'dmg');
    expect(dmg?.arch ? [...dmg.arch].sort() : []).toEqual(['arm64', 'x64']);
  });

  it('installs on Windows with NSIS, whose AppUserModelID is the appId the app sets', () => {
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(config.appId).toBe(appUserModelId);
  });

  it('ships no package for Electron to load from app.asar: electron-store is bundled', () => {
    expect(packageJson.dependencies ?? {}).toEqual({});
    expect(packageJson.devDependencies?.['electron-store']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
