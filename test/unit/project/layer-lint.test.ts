/**
 * The layer table (docs/ARCHITECTURE.md#the-layer-table): the lint refuses an import against the
 * table and Electron in main's plain-Node half, and lets the arrows the app uses through.
 */
import { describe, expect, it } from 'vitest';
import { probeLinter, projectRoot } from './lint';

const eslint = probeLinter();

/** The layer-rule messages for `code` as if it stood at `file` (relative to the project root). */
async function layerProblemsIn(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${projectRoot}/${file}` });
  return (result?.messages ?? []).filter((message) => message.ruleId === 'boundaries/dependencies').map((message) => message.message);
}

describe('the layer table', () => {
  it.each([
    [
      'core importing main',
      'core/lint-probe.ts',
      "import { writeFailure } from '../electron/services/file-error';\nexport const x = writeFailure;\n",
    ],
    [
      'services importing export',
      'electron/services/lint-probe.ts',
      "import { exportExtension } from '../export/export-session';\nexport const x = exportExtension;\n",
    ],
    [
      'services importing electron (types too)',
      'electron/services/lint-probe.ts',
      "import type { BrowserWindow } from 'electron';\nexport type X = BrowserWindow;\n",
    ],
    ['export importing electron', 'electron/export/lint-probe.ts', "import { nativeImage } from 'electron';\nexport const x = nativeImage;\n"],
    [
      'export importing the shell',
      'electron/export/lint-probe.ts',
      "import { createPrintWindow } from '../windows';\nexport const x = createPrintWindow;\n",
    ],
    ['the cli importing electron', 'electron/cli/lint-probe.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    [
      'the handler table importing the shell',
      'electron/ipc/lint-probe.ts',
      "import { isAllowedNavigation } from '../security';\nexport const x = isAllowedNavigation;\n",
    ],
    [
      'the preload importing main',
      'electron/preload/lint-probe.ts',
      "import { createPrintWindow } from '../windows';\nexport const x = createPrintWindow;\n",
    ],
    [
      'the renderer importing main',
      'renderer/src/lint-probe.ts',
      "import { noFilePaths } from '../../electron/preload/bridge';\nexport const x = noFilePaths;\n",
    ],
    [
      'the board importing the tools above it',
      'renderer/src/board/lint-probe.ts',
      "import { FindBar } from '../tools/FindBar';\nexport const x = FindBar;\n",
    ],
    [
      'a store importing the kit',
      'renderer/src/store/lint-probe.ts',
      "import { describeError } from '../ui/errors';\nexport const x = describeError;\n",
    ],
    [
      'the UI texts importing the kit (types too)',
      'renderer/src/i18n/features/lint-probe.ts',
      "import type { ShortcutId } from '../../ui/shortcut-keys';\nexport type X = ShortcutId;\n",
    ],
    [
      'the library importing its peer export',
      'renderer/src/library/lint-probe.ts',
      "import { ExportDialog } from '../export/ExportDialog';\nexport const x = ExportDialog;\n",
    ],
    ['the bridge importing a store', 'renderer/src/api.ts', "import { useApp } from './store/app-store';\nexport const x = useApp;\n"],
    ['the phone app importing zod', 'renderer/phone/lint-probe.ts', "import { z } from 'zod';\nexport const x = z;\n"],
    [
      'the phone app importing a schema file',
      'renderer/phone/lint-probe.ts',
      "import { phoneMessageSchema } from '../../core/room-protocol-schemas';\nexport const x = phoneMessageSchema;\n",
    ],
    [
      'the phone app bundling core beyond its browser-safe files',
      'renderer/phone/lint-probe.ts',
      "import { dotsLeft } from '../../core/voting';\nexport const x = dotsLeft;\n",
    ],
    ['the phone app importing the control window', 'renderer/phone/lint-probe.ts', "import { api } from '../src/api';\nexport const x = api;\n"],
  ])(
    'refuses %s',
    async (_case, file, code) => {
      expect(await layerProblemsIn(file, code)).not.toEqual([]);
    },
    30_000,
  );

  it.each([
    [
      'export using services and core',
      'electron/export/lint-probe.ts',
      "import { writeFailure } from '../services/file-error';\nimport { apiVerbs } from '../../core/api';\nexport const x = [writeFailure, apiVerbs];\n",
    ],
    [
      'the printer using Electron and the shell',
      'electron/export/printer.ts',
      "import { nativeImage } from 'electron';\nimport { createPrintWindow } from '../windows';\nexport const x = [nativeImage, createPrintWindow];\n",
    ],
    [
      'the presentation using board, session, stores, the kit and the bridge',
      'renderer/src/present/lint-probe.ts',
      "import { CardFace } from '../board/CardFace';\nimport { blockTitle } from '../session/agenda-commands';\nimport { useBoard } from '../store/board-store';\nimport { Dialog } from '../ui/Dialog';\nimport { api } from '../api';\nexport const x = [CardFace, blockTitle, useBoard, Dialog, api];\n",
    ],
    [
      'the app shell using the layers below it',
      'renderer/src/app/lint-probe.ts',
      "import { Library } from '../library/Library';\nimport { BoardTools } from '../tools/BoardTools';\nexport const x = [Library, BoardTools];\n",
    ],
    [
      'the shell using the handler table',
      'electron/lint-probe.ts',
      "import { app } from 'electron';\nimport { dispatchCall } from './ipc/handlers';\nexport const x = [app, dispatchCall];\n",
    ],
    [
      'the phone app using Preact, the wire protocol, the join helpers and core types',
      'renderer/phone/lint-probe.ts',
      "import { render } from 'preact';\nimport { roomLimits } from '../../core/room-protocol';\nimport { readJoinCode } from '../../core/room-join';\nimport type { RoomCommand } from '../../core/room';\nimport { reduce } from './state';\nexport const x: [unknown, unknown, unknown, unknown, RoomCommand | null] = [render, roomLimits, readJoinCode, reduce, null];\n",
    ],
  ])(
    'allows %s',
    async (_case, file, code) => {
      expect(await layerProblemsIn(file, code)).toEqual([]);
    },
    30_000,
  );
});
