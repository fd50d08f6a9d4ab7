// `npm run test:electron`: the opt-in check with the real Electron (test/electron/). Not part of
// `npm test`: Electron cannot start on the project's build machines. docs/security.md.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'electron',
    include: ['test/electron/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
