import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

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
    plugins: [react(), preloadAppChunk()],
    // One style sheet, linked by the page, as before the app became a chunk of its own.
    build: { minify: true, cssCodeSplit: false, rolldownOptions: { input: resolve('renderer/index.html') } },
  },
});
