// ESLint: typescript-eslint's type-checked recommended rules for TypeScript (and the config files), and
// eslint-plugin-astro's recommended rules for .astro components, type-aware through the same tsconfig.
// Formatting is Prettier's job: eslint-config-prettier comes last and switches off every rule that would fight it.
import { defineConfig, globalIgnores } from 'eslint/config';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import eslintPluginAstro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // The same places tsconfig.json leaves out, plus what is built or generated.
  globalIgnores([
    'dist/',
    '.astro/',
    'coverage/',
    'reports/',
    '.stryker-tmp/',
    '.test-builds/',
    'test-results/',
    'scripts/bench/stock/',
    'public/',
    'content/',
    'test/fixtures/',
    'types/astro-jsx-eslint.d.ts',
  ]),

  {
    files: ['**/*.{ts,mts,js,mjs}'],
    ignores: ['**/*.astro/*'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
  },
  {
    // Runs in the reader's browser.
    files: ['src/scripts/**/*.ts'],
    languageOptions: { globals: globals.browser },
  },

  // Sets astro-eslint-parser (with typescript-eslint's parser inside) for .astro files, node globals for the
  // frontmatter and browser globals for a component's <script>s, which it lints as virtual files `X.astro/0_0.ts`.
  eslintPluginAstro.configs.recommended,
  {
    files: ['**/*.astro'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    // The rules of recommendedTypeChecked without its first entry, which would swap in typescript-eslint's parser.
    extends: [tseslint.configs.recommendedTypeChecked.filter((config) => config.name !== 'typescript-eslint/base')],
    languageOptions: {
      // astro-eslint-parser has no projectService (it falls back to `project: true` with a warning): name the
      // tsconfig, one that adds types/astro-jsx-eslint.d.ts (why: see there).
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['**/*.{ts,mts,js,mjs,astro}'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      // Leaving a field out by destructuring it to a `_name` (`const { html: _h, ...rest } = r`) is this codebase's
      // idiom, as is an unused `_` parameter: both are meant.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    // A component's <script> has no type information (the plugin sets `project: null` for it): the rules that need
    // none. The plugin's config already gives it typescript-eslint's parser.
    files: ['**/*.astro/*.ts', '**/*.astro/*.js'],
    plugins: { '@typescript-eslint': tseslint.plugin },
    extends: [
      tseslint.configs.recommended.filter((config) => config.name !== 'typescript-eslint/base'),
      tseslint.configs.disableTypeChecked,
    ],
  },

  eslintConfigPrettier,
);
