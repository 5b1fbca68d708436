import { defineConfig } from 'vitest/config';

/** Unit tests only (no site builds, no browser): what mutation testing runs against every mutant. */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
