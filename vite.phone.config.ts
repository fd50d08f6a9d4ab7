/** Build of the phone app (renderer/phone → out/phone), which the room server serves. docs/ARCHITECTURE.md, "Phones in the room". */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve('renderer/phone'),
  // Relative asset paths: the page is served at both / and /j, and the server knows only its own files.
  base: './',
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve('out/phone'),
    emptyOutDir: true,
    minify: true,
    // Phones a few years old in the room: Safari 14 (iOS 14) and Chrome 90 still run it.
    target: ['es2020', 'safari14', 'chrome90'],
    // No inline polyfill or data: fonts: the server's CSP allows scripts from 'self' only.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
