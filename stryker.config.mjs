// @ts-check
/**
 * Mutation testing of the gate modules (`npm run test:mutation`): the
 * disclosure gate, the MDX dialect and URL cleaning, the corpus checks, the
 * personal-data check and the last gate. Unit tests only (vitest.unit.config.ts);
 * every mutant is first type-checked, so mutants TypeScript rejects are not
 * counted. Scores and surviving mutants are recorded in docs/benchmarks.md.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: [
    'src/lib/disclosure.ts',
    'src/lib/model/dialect/*.ts',
    'src/lib/model/corpus/*.ts',
    'src/lib/model/privacy.ts',
    'src/lib/model/last-gate.ts',
  ],
  // The sandbox copy needs the source and tests only, not earlier builds.
  ignorePatterns: ['.test-builds', 'dist', 'reports', 'docs', 'deploy'],
  coverageAnalysis: 'perTest',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  concurrency: 2,
  timeoutMS: 60_000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
