/**
 * revealExport ("Show in folder" after an export) below IPC: createHandlers with the real export
 * and write in a temp folder, called through dispatchCall as IPC calls it. The page names a path;
 * main shows only a file it wrote itself in this run (docs/security.md).
 */
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, ExportRequest } from '../../../core/api';
import { summarySections } from '../../../core/summary-text';
import { createHandlers, dispatchCall, type ApiHandlers } from '../../../electron/ipc/handlers';
import { createTestServices, sampleSession, type TestServices } from './main-services';

let t: TestServices;
let handlers: ApiHandlers;
let out: string;

beforeEach(async () => {
  t = await createTestServices();
  handlers = createHandlers(t.services);
  out = join(t.root, 'exports');
  await mkdir(out);
});

afterEach(async () => {
  await t.cleanup();
});

const request: ExportRequest = { kind: 'md', sections: [...summarySections], csvDelimiter: ',', fallbackLanguage: 'en' };

const reveal = (...args: unknown[]): Promise<ApiResult> => dispatchCall(handlers, 'revealExport', args);

async function exportTo(path: string): Promise<ApiResult> {
  t.answers.exportPath = path;
  return dispatchCall(handlers, 'exportSession', [sampleSession(), request, null]);
}

describe('revealExport', () => {
  it('shows a file this run exported, selected in its folder', async () => {
    const path = join(out, 'Kick-off.md');
    expect(await exportTo(path)).toEqual({ ok: true, value: path });
    expect(await reveal(path)).toEqual({ ok: true, value: undefined });
    expect(t.services.reveal).toHaveBeenCalledExactlyOnceWith(path);
  });

  it('refuses any other file, even an existing one in the same folder: the page names paths, main decides', async () => {
    await exportTo(join(out, 'Kick-off.md'));
    for (const path of [join(out, 'other.md'), join(t.root, 'sessions'), '/etc/passwd', 'Kick-off.md', join(out, 'Kick-off.md.bak')]) {
      expect(await reveal(path)).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    }
    expect(t.services.reveal).not.toHaveBeenCalled();
  });

  it('refuses a path the save dialog returned whose write failed: nothing was exported there', async () => {
    const path = join(out, 'gone', 'Kick-off.md');
    expect(await exportTo(path)).toMatchObject({ ok: false, error: { code: 'fileProblem', path } });
    expect(await reveal(path)).toMatchObject({ ok: false, error: { code: 'notAllowed' } });
    expect(t.services.reveal).not.toHaveBeenCalled();
  });

  it('says so when the exported file is gone since, instead of opening an empty window', async () => {
    const path = join(out, 'Kick-off.md');
    await exportTo(path);
    await rm(path);
    expect(await reveal(path)).toMatchObject({ ok: false, error: { code: 'fileProblem', reason: 'notFound', file: 'Kick-off.md' } });
    expect(t.services.reveal).not.toHaveBeenCalled();
  });

  it('refuses malformed arguments before anything else', async () => {
    for (const args of [[], [''], [42], [null], [join(out, 'a.md'), 'extra'], ['x'.repeat(5000)]]) {
      expect(await reveal(...args)).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    }
    expect(t.services.reveal).not.toHaveBeenCalled();
  });
});
