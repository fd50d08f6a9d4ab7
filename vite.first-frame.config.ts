/**
 * Build of the first frame's render (renderer/src/first-frame.tsx → out/first-frame), which main
 * and the web test host load in Node. docs/ARCHITECTURE.md, "The first frame".
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve('renderer'),
  plugins: [react()],
  publicDir: false,
  // React's production build, whatever NODE_ENV main runs with (a server build leaves it to run time).
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    // A server build: style sheets and the web font's files are the page's, not needed here.
    ssr: resolve('renderer/src/first-frame.tsx'),
    outDir: resolve('out/first-frame'),
    emptyOutDir: true,
    minify: true,
    reportCompressedSize: false,
    rolldownOptions: { output: { entryFileNames: 'index.js', format: 'es' } },
  },
  // One file with everything in it: the packaged app has no node_modules of the renderer's.
  ssr: { noExternal: true },
});
