/**
 * Security checklist #16 (docs/security.md): Electron is pinned exactly, on its current major,
 * and the pin is not older than any patch of that major the lock file resolves. Bumping: run
 * `npm view electron@45 version`, then `npm install --save-dev --save-exact electron@<newest>`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url);
const packageJson = JSON.parse(readFileSync(fileURLToPath(new URL('package.json', root)), 'utf8')) as { devDependencies: Record<string, string> };
const lock = JSON.parse(readFileSync(fileURLToPath(new URL('package-lock.json', root)), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

/** [major, minor, patch] of an exact version. */
function parts(version: string): [number, number, number] {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match) throw new Error(`not an exact version: ${version}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function compare(a: string, b: string): number {
  const [x, y] = [parts(a), parts(b)];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

describe('the Electron pin', () => {
  const pinned = packageJson.devDependencies.electron ?? '';

  it('is an exact version of major 45', () => {
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(parts(pinned)[0]).toBe(45);
  });

  it('is what the lock file resolves, and not older than any 45.x the lock file lists', () => {
    expect(lock.packages['node_modules/electron']?.version).toBe(pinned);
    const resolved = Object.entries(lock.packages)
      .filter(([path]) => /(^|\/)node_modules\/electron$/.test(path))
      .map(([, entry]) => entry.version ?? '')
      .filter((version) => /^45\./.test(version));
    expect(resolved.length).toBeGreaterThan(0);
    for (const version of resolved) expect(compare(pinned, version), `${pinned} is older than ${version}`).toBeGreaterThanOrEqual(0);
  });

  it('is at least 45.6.1, the newest 45.x on the npm registry when it was pinned (2026-12-05)', () => {
    expect(compare(pinned, '45.6.1')).toBeGreaterThanOrEqual(0);
  });
});
