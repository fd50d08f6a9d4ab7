/**
 * The phone app as built (vite.phone.config.ts): within the size budget, no validation
 * library in it, and an index.html the room server's CSP lets run. docs/ARCHITECTURE.md, "Phones in the room".
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** The budget for the phone's JavaScript, gzipped. */
const jsBudgetBytes = 80 * 1024;

let outDir: string;
let files: { path: string; body: Buffer }[];
let html: string;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'nahtstelle-phone-build-'));
  await build({ configFile: resolve('vite.phone.config.ts'), logLevel: 'silent', build: { outDir } });
  const paths = (await readdir(outDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  files = await Promise.all(paths.map(async (path) => ({ path, body: await readFile(path) })));
  html = await readFile(join(outDir, 'index.html'), 'utf8');
}, 60_000);

afterAll(async () => {
  await rm(outDir, { recursive: true, force: true });
});

function elements(node: Node): Element[] {
  const own = 'tagName' in node ? [node] : [];
  const children = 'childNodes' in node ? node.childNodes.flatMap(elements) : [];
  const template = 'content' in node ? elements(node.content) : [];
  return [...own, ...children, ...template];
}

const attribute = (element: Element, name: string): string | undefined => element.attrs.find((attr) => attr.name === name)?.value;

describe('the built phone app', () => {
  it('keeps its JavaScript within 80 KB gzipped', () => {
    const scripts = files.filter((file) => file.path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, file) => sum + gzipSync(file.body, { level: 9 }).length, 0);
    expect(gzipped).toBeLessThanOrEqual(jsBudgetBytes);
  });

  it('bundles no validation library (zod stays in main)', () => {
    for (const file of files) expect(file.body.toString('utf8'), file.path).not.toMatch(/zod|\$ZodType|ZodError/i);
  });

  it('has no inline script, style or handler in index.html, which the CSP would block', () => {
    const all = elements(parse(html));
    const scripts = all.filter((element) => element.tagName === 'script');
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(attribute(script, 'src')).toBeDefined();
      expect(script.childNodes).toEqual([]);
    }
    expect(all.filter((element) => element.tagName === 'style')).toEqual([]);
    for (const element of all) {
      for (const attr of element.attrs) expect(attr.name === 'style' || attr.name.startsWith('on'), `${element.tagName} ${attr.name}`).toBe(false);
    }
  });

  it('points index.html only at its own files beside it', () => {
    const references = elements(parse(html)).flatMap((element) => ['src', 'href'].flatMap((name) => attribute(element, name) ?? []));
    expect(references.length).toBeGreaterThan(1);
    for (const reference of references) {
      // The empty icon is a data: URL (the server has no icon, so the browser need not ask).
      if (reference === 'data:,') continue;
      expect(reference).toMatch(/^\.\/[A-Za-z0-9._/-]+$/);
      expect(files.some((file) => file.path === join(outDir, reference))).toBe(true);
    }
  });

  it('loads nothing from elsewhere in its stylesheets', () => {
    for (const file of files.filter((candidate) => candidate.path.endsWith('.css'))) {
      expect(file.body.toString('utf8')).not.toMatch(/@import|url\(\s*['"]?(https?:)?\/\//i);
    }
  });
});
