/**
 * Own agenda templates and the timer-sound preference through the handlers, called through
 * dispatchCall as IPC calls them, with a real PreferencesStore (over a Map) and SessionFiles.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiResult, ApiVerb, NahtstelleApi, TemplateBlock } from '../../../core/api';
import { templateLimits } from '../../../core/templates';
import { createHandlers, dispatchCall, type ApiHandlers } from '../../../electron/ipc/handlers';
import { PreferencesStore } from '../../../electron/services/preferences';
import { createTestServices, type TestServices } from './main-services';

let t: TestServices;
let handlers: ApiHandlers;

beforeEach(async () => {
  t = await createTestServices();
  handlers = createHandlers(t.services);
});

afterEach(async () => {
  await t.cleanup();
});

function call(verb: ApiVerb, ...args: unknown[]): Promise<ApiResult> {
  return dispatchCall(handlers, verb, args);
}

async function value<V extends ApiVerb>(verb: V, ...args: Parameters<NahtstelleApi[V]>): Promise<Awaited<ReturnType<NahtstelleApi[V]>>> {
  const result = await call(verb, ...args);
  if (!result.ok) throw new Error(`${verb} failed: ${JSON.stringify(result.error)}`);
  return result.value as Awaited<ReturnType<NahtstelleApi[V]>>;
}

const blocks: TemplateBlock[] = [
  { kind: 'lead', title: 'Launch Produkt X', prompt: 'Nur das neue Produkt.', minutes: 25, skipped: false },
  { kind: 'caricatures', title: null, prompt: null, minutes: 30, skipped: true },
  { kind: 'custom', title: 'Mittagspause', prompt: null, minutes: 45, skipped: false },
];

describe('own templates', () => {
  it('saves a template, lists it, and keeps it for the next start', async () => {
    expect(await value('listTemplates')).toEqual([]);
    const saved = await value('saveTemplate', '  Kurzformat ', blocks);
    expect(saved).toEqual({ id: expect.any(String), name: 'Kurzformat', blocks });
    expect(await value('listTemplates')).toEqual([saved]);
    // A new run over the same preferences file.
    expect(await createHandlers(t.services).listTemplates()).toEqual([saved]);
  });

  it('creates a session from an own template: the same blocks with new ids, no runtime state', async () => {
    const saved = await value('saveTemplate', 'Kurzformat', blocks);
    const first = await value('createSession', { title: 'Aus Vorlage' }, { kind: 'own', id: saved.id });
    const second = await value('createSession', { title: 'Noch einmal' }, { kind: 'own', id: saved.id });
    expect(first.session.agenda.map(({ id: _id, ...rest }) => rest)).toEqual(blocks);
    expect(first.session).toMatchObject({ activeBlockId: null, timer: null, details: { title: 'Aus Vorlage' } });
    const ids = [...first.session.agenda, ...second.session.agenda].map((block) => block.id);
    expect(new Set(ids).size).toBe(6);
    // And it is a valid session on disk.
    expect((await value('openSession', first.path))?.session).toEqual(first.session);
  });

  it('refuses an unknown own template with a clear error, and creates no file', async () => {
    const result = await call('createSession', { title: 'X' }, { kind: 'own', id: 'gone-template' });
    expect(result).toEqual({ ok: false, error: { code: 'templateNotFound', detail: expect.stringContaining('gone-template') } });
    expect(await value('listSessions')).toEqual([]);
    expect(t.preferences.lastSession).toBeNull();
  });

  it('still creates blank and workshop sessions', async () => {
    expect((await value('createSession', {}, 'blank')).session.agenda).toEqual([]);
    expect((await value('createSession', {}, 'workshop')).session.agenda.map((block) => block.kind)).toEqual([
      'lead',
      'caricatures',
      'mission',
      'metrics',
    ]);
  });

  it('replaces a template saved again under the same name', async () => {
    const first = await value('saveTemplate', 'Kurzformat', blocks);
    const again = await value('saveTemplate', 'KURZFORMAT', blocks.slice(0, 1));
    expect(again.id).toBe(first.id);
    expect(await value('listTemplates')).toEqual([{ id: first.id, name: 'KURZFORMAT', blocks: blocks.slice(0, 1) }]);
  });

  it('deletes a template; deleting an unknown one is no error', async () => {
    const a = await value('saveTemplate', 'A', blocks);
    const b = await value('saveTemplate', 'B', blocks);
    await value('deleteTemplate', a.id);
    expect(await value('listTemplates')).toEqual([b]);
    expect(await call('deleteTemplate', 'nope')).toEqual({ ok: true, value: undefined });
    expect(await value('listTemplates')).toEqual([b]);
  });

  it('refuses a new template once the list is full, with its own error code', async () => {
    for (let i = 0; i < templateLimits.templates; i++) await value('saveTemplate', `Vorlage ${i}`, blocks);
    expect(await call('saveTemplate', 'Eine zu viel', blocks)).toMatchObject({ ok: false, error: { code: 'templateLimit' } });
    expect(await value('listTemplates')).toHaveLength(templateLimits.templates);
  });

  it.each<[string, ApiVerb, unknown[]]>([
    ['a blank name', 'saveTemplate', ['   ', blocks]],
    ['a name that is not text', 'saveTemplate', [42, blocks]],
    ['no blocks', 'saveTemplate', ['Leer', []]],
    ['too many blocks', 'saveTemplate', ['Lang', Array.from({ length: templateLimits.blocks + 1 }, () => blocks[0])]],
    ['a block of an unknown kind', 'saveTemplate', ['X', [{ ...blocks[0], kind: 'party' }]]],
    ['a block without its timebox', 'saveTemplate', ['X', [{ kind: 'lead', title: null, prompt: null, skipped: false }]]],
    ['a timebox of zero minutes', 'saveTemplate', ['X', [{ ...blocks[0], minutes: 0 }]]],
    ['a fractional timebox', 'saveTemplate', ['X', [{ ...blocks[0], minutes: 2.5 }]]],
    ['a missing argument', 'saveTemplate', ['X']],
    ['an empty id', 'deleteTemplate', ['']],
    ['an id that is not text', 'deleteTemplate', [{ id: 'x' }]],
    ['an unknown template kind', 'createSession', [{}, 'party']],
    ['an own template without id', 'createSession', [{}, { kind: 'own' }]],
    ['an own template with extra keys', 'createSession', [{}, { kind: 'own', id: 'x', path: '/etc/passwd' }]],
    ['a timer sound that is not a boolean', 'setTimerSound', ['yes']],
    ['arguments to listTemplates', 'listTemplates', ['extra']],
  ])('refuses %s as invalidArguments, and stores nothing', async (_case, verb, args) => {
    const result = await call(verb, ...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidArguments', detail: expect.stringContaining(verb) } });
    expect(t.preferences.templates).toEqual([]);
    expect(t.preferences.timerSound).toBe(false);
    expect(await value('listSessions')).toEqual([]);
  });
});

describe('templates in the preferences file', () => {
  it('drops a damaged entry on read and keeps the valid ones; start-up still works', async () => {
    const good = await value('saveTemplate', 'Gut', blocks);
    t.store.set('templates', [
      { id: 'broken', name: 'Kaputt', blocks: [{ kind: 'lead', minutes: 'viel' }] },
      good,
      'not a template',
      { ...good, name: 'Doppelt' },
      null,
    ]);
    expect(await value('listTemplates')).toEqual([good]);
    expect(await value('getStartupState')).toMatchObject({ preferences: { timerSound: false } });
  });

  it.each([
    ['a string', 'garbage'],
    ['an object', { a: 1 }],
    ['a number', 7],
  ])('reads %s as no templates', async (_case, stored) => {
    t.store.set('templates', stored);
    expect(await value('listTemplates')).toEqual([]);
    expect(await value('saveTemplate', 'Neu', blocks)).toMatchObject({ name: 'Neu' });
  });

  it('keeps the timer sound off by default, and on once chosen', async () => {
    expect((await value('getStartupState')).preferences.timerSound).toBe(false);
    await value('setTimerSound', true);
    expect(new PreferencesStore(t.store, t.sessionsFolder).timerSound).toBe(true);
    expect((await value('getStartupState')).preferences.timerSound).toBe(true);
    t.store.set('timerSound', 'yes');
    expect(t.preferences.timerSound).toBe(false);
  });
  it('starts the workshop panel compact and the window at 100 %, and keeps what is chosen within limits', async () => {
    expect((await value('getStartupState')).preferences).toMatchObject({ workshopPanelExpanded: false, windowZoom: 1 });
    await value('setWorkshopPanelExpanded', true);
    await value('setWindowZoom', 1.5);
    expect((await value('getStartupState')).preferences).toMatchObject({ workshopPanelExpanded: true, windowZoom: 1.5 });
    expect(await call('setWindowZoom', 3)).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    expect(await call('setWorkshopPanelExpanded', 'yes')).toMatchObject({ ok: false, error: { code: 'invalidArguments' } });
    t.store.set('windowZoom', 9);
    t.store.set('workshopPanelExpanded', 'yes');
    expect(t.preferences.all).toMatchObject({ workshopPanelExpanded: false, windowZoom: 1 });
  });
});
