/**
 * Builds the plain dnd-kit board (esbuild, production React) and serves it on 127.0.0.1 for the board bench.
 * docs/performance.md, "The plain dnd-kit board".
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface PlainBoardServer {
  readonly url: string;
  close(): Promise<void>;
}

const folder = fileURLToPath(new URL('.', import.meta.url));

export async function servePlainBoard(): Promise<PlainBoardServer> {
  const bundle = await build({
    entryPoints: [`${folder}plain-board.tsx`],
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target: 'chrome120',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  const script = bundle.outputFiles[0]?.contents;
  if (!script) throw new Error('esbuild produced no bundle for the plain board');
  const html = await readFile(`${folder}index.html`);
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const body = path === '/' ? html : path === '/plain-board.js' ? script : null;
    if (!body) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': path === '/' ? 'text/html; charset=utf-8' : 'text/javascript', 'cache-control': 'no-store' });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
