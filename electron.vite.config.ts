import { posix, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy, pagePolicy } from './electron/content-security-policy';

/**
 * The page's entry (boot.ts) loads the app (main.tsx) as a chunk of its own; a modulepreload link
 * has the browser fetch that chunk with the entry instead of once the entry has run.
 * docs/performance.md, "Issue #18".
 */
function preloadAppChunk(): Plugin {
  return {
    name: 'nahtstelle-preload-app-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const app = Object.values(context.bundle ?? {}).find(
          (output) => output.type === 'chunk' && output.facadeModuleId?.endsWith('/renderer/src/main.tsx'),
        );
        if (!app) throw new Error('The app chunk (renderer/src/main.tsx) is missing from the build');
        return [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${app.fileName}` }, injectTo: 'head' }];
      },
    },
  };
}

/**
 * The page carries its one style sheet in a `<style>` element instead of linking it, so the board's
 * first frame paints without waiting for a second file; the page's policy allows that element by
 * its hash and nothing else inline (electron/content-security-policy.ts). docs/performance.md,
 * "Issue #18", point 12.
 */
function inlineStyleSheet(): Plugin {
  return {
    name: 'nahtstelle-inline-style-sheet',
    apply: 'build',
    generateBundle: {
      // After Vite has written the page and linked the sheet.
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset' || typeof page.source !== 'string') throw new Error('The built page index.html is missing');
        const [link, sheetFile] = /<link rel="stylesheet" crossorigin href="\.\/([^"]+\.css)">/.exec(page.source) ?? [];
        const sheet = sheetFile === undefined ? undefined : bundle[sheetFile];
        if (link === undefined || sheetFile === undefined || sheet?.type !== 'asset')
          throw new Error('The page links no style sheet of its own to put into it');
        const css = urlsRelativeToPage(
          typeof sheet.source === 'string' ? sheet.source : new TextDecoder().decode(sheet.source),
          posix.dirname(sheetFile),
        );
        if (/<\/style/i.test(css)) throw new Error('The style sheet contains "</style" and cannot be put into the page');
        const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/.exec(page.source);
        if (meta?.[2] !== contentSecurityPolicy) throw new Error('The page must declare the policy of electron/content-security-policy.ts');
        const inlined = page.source.replace(link, () => `<style>${css}</style>`);
        page.source = inlined.replace(meta[0], () => `${meta[1]}${pagePolicy(inlined)}${meta[3]}`);
        // The page holds the sheet now: nothing links the file.
        Reflect.deleteProperty(bundle, sheetFile);
      },
    },
  };
}

/** The sheet's relative URLs (its fonts) point from its own folder; in the page they must point from the page's. */
function urlsRelativeToPage(css: string, sheetFolder: string): string {
  return css.replace(/url\((["']?)(?![a-z][a-z0-9+.-]*:|\/|#)(?:\.\/)?/gi, (_match, quote: string) => `url(${quote}./${sheetFolder}/`);
}

export default defineConfig({
  main: {
    build: { rolldownOptions: { input: { index: resolve('electron/main.ts') } } },
  },
  preload: {
    // CommonJS, because Electron loads an ESM preload only with sandbox: false.
    build: {
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), preloadAppChunk(), inlineStyleSheet()],
    // One style sheet, which inlineStyleSheet puts into the page.
    build: { minify: true, cssCodeSplit: false, rolldownOptions: { input: resolve('renderer/index.html') } },
  },
});
