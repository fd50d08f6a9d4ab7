/**
 * `npm run serve:web` (options: README.md): the web test host as a command, for E2E tests, benchmarks and any browser.
 * docs/ARCHITECTURE.md, "The API across the process boundary".
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startWebHost } from './web-host';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string' },
    'demo-cards': { type: 'string' },
    locale: { type: 'string' },
    /** Exports are written here under their suggested names (the host has no save dialog). */
    'export-dir': { type: 'string' },
  },
});

const port = Number(values.port);
const demoCards = values['demo-cards'] === undefined ? undefined : Number(values['demo-cards']);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, not "${values.port}"`);
if (demoCards !== undefined && (!Number.isInteger(demoCards) || demoCards < 0))
  fail(`--demo-cards must be a whole number, not "${values['demo-cards']}"`);

const dataDir = values['data-dir'] ?? (await mkdtemp(join(tmpdir(), 'nahtstelle-web-')));
const exportDir = values['export-dir'];
const host = await startWebHost({ port, dataDir, demoCards, locale: values.locale, exportDir });
console.log(`Nahtstelle web test host: ${host.url} (data: ${dataDir}${exportDir === undefined ? '' : `, exports: ${exportDir}`})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void host.close().then(() => process.exit(0)));
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
