import { defineConfig } from 'vitest/config';

/**
 * What mutation testing runs against every mutant: the unit tests that guard
 * the gate modules, without the property tests (20 s a run; they are a second
 * line, run by `npm test`) and the importer's CLI tests (child processes).
 *
 * `MUTATION_TESTS` (comma-separated files) narrows the run to the tests of one
 * module: a mutant of a module-level constant (a pattern, a table) is run
 * against every test, so a whole-suite run of a module made of patterns takes
 * a quarter of an hour. A narrower run can only kill fewer mutants, never more:
 * its score is a lower bound of the whole suite's.
 */
const only = process.env.MUTATION_TESTS?.split(',').filter(Boolean);

export default defineConfig({
  test: {
    include: only ?? ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/dialect-fuzz.test.ts', 'test/import*.test.ts', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
