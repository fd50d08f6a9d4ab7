import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/unit/setup-electron-mock.ts'],
          // Property tests run hundreds of cases: a busy machine must slow them, not fail them.
          testTimeout: 20_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A poll waits for what the room would see; on a busy machine that can take more than a
          // second (a socket closing, a scroll settling). A state that stays wrong still fails.
          expect: { poll: { timeout: 5_000 } },
          // Each file drives its own Chromium; two at once is what two cores carry.
          maxWorkers: 2,
          // Unit tests first: they are fast and fail early; E2E after, with the machine to itself.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
