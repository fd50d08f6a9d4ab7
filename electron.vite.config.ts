import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
    plugins: [react()],
    build: { minify: true, rolldownOptions: { input: resolve('renderer/index.html') } },
  },
});
