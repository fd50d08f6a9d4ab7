/**
 * The one place `electron` is mocked. Loading the real module would try to download Electron's
 * binary, so every unit test gets the fake in test/unit/fakes/electron.ts instead, reset per test.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { resetElectronFake } from './fakes/electron';
import FakeElectronStore from './fakes/electron-store';

vi.mock('electron', () => import('./fakes/electron'));
vi.mock('electron-store', () => import('./fakes/electron-store'));

beforeEach(() => {
  resetElectronFake();
  FakeElectronStore.instances.length = 0;
  FakeElectronStore.seed = {};
  FakeElectronStore.damagedOnce = false;
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});
