import { defineConfig } from 'vitest/config';

/**
 * What mutation testing runs against every mutant: the unit tests that guard
 * the gate modules, without
 * - the property tests (20 s a run; they are a second line, run by `npm test`);
 * - the tests of the command-line tools (`*-cli.test.ts`, 12 s): they run the
 *   tool in a child process, where Stryker's active mutant is not set, so they
 *   can never kill one;
 * - the importer's tests (4 s; the importer redacts with the same check, tested here on its own);
 * - the sample generator's tests (17 s, 40 % of the suite): they test the
 *   generator; the checks it passes its output through are the fixtures' tests.
 * Leaving tests out can only lower a score, never raise it.
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
    exclude: [
      'test/e2e/**',
      'test/dialect-fuzz.test.ts',
      'test/*-cli.test.ts',
      'test/import.test.ts',
      'test/sample.test.ts',
      'node_modules/**',
    ],
    testTimeout: 30_000,
  },
});
