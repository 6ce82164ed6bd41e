import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // One global setup: Testing Library waits up to 15 s (see test/setup.ts).
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and CLI tests start real processes; keep the 2-core machines calm.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
