import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Browser and CLI tests start real processes; keep the 2-core machines calm.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
