import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build and browser tests run `astro build` in child processes: give them time,
    // and keep at most two test files at once on a two-core machine.
    testTimeout: 30_000,
    hookTimeout: 180_000,
    maxWorkers: 2,
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
