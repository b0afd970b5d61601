// Vitest projects: `unit` (node: shared and the Electron main process) and `renderer` (DOM + fake-indexeddb).
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Vitest's default is one worker fewer than the cores: on the 2-core CI machine that is one worker, and the suite
    // took 9 m 46 s; two workers take 6 m 39 s there (the main process mostly waits). More cores: the default.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        test: {
          name: 'unit',
          environment: 'node',
          // Generous: property-based suites share a 2-core CI machine with other work; speed lives in `npm run bench`.
          testTimeout: 60_000,
          hookTimeout: 120_000,
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          testTimeout: 30_000,
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
});
