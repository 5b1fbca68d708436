import { defineConfig } from 'vitest/config';

/**
 * What mutation testing runs against every mutant: the unit tests that guard
 * the gate modules, without the property tests (20 s a run; they are a second
 * line, run by `npm test`) and the importer's CLI tests (child processes).
 */
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/dialect-fuzz.test.ts', 'test/import*.test.ts', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
