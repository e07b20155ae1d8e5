// ESLint flat config: type-checked TypeScript, React hooks, no untranslated JSX text, and the
// import boundaries between the layers of src/ (model < api < hooks < components < views).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import { readdirSync } from 'node:fs';

const SDK = '@openshift-console/dynamic-plugin-sdk';

/** Zones for import-x/no-restricted-paths: a layer may import only the layers below it. */
const layerZones = [
  {
    target: './src/model',
    from: ['./src/api', './src/hooks', './src/components', './src/views', './src/sdk'],
    message: 'src/model is pure: it imports nothing of the other layers.',
  },
  {
    target: './src/sdk',
    from: ['./src/model', './src/api', './src/hooks', './src/components', './src/views'],
    message: 'The SDK adapter only re-exports the SDK.',
  },
  {
    target: './src/api',
    from: ['./src/hooks', './src/components', './src/views'],
    message: 'src/api may import only src/model and the SDK adapter.',
  },
  {
    target: './src/hooks',
    from: ['./src/components', './src/views'],
    message: 'src/hooks may import only src/api, src/model and the SDK adapter.',
  },
  {
    target: './src/components',
    from: ['./src/views'],
    message: 'Shared components may not import feature views.',
  },
];

/**
 * Test helpers (the console-SDK double, fixtures) live in src/test-support: specs and the
 * helpers themselves may import them, production code may not, so webpack never bundles them.
 */
const testSupportZone = {
  target: [
    './src/model',
    './src/api',
    './src/hooks',
    './src/components',
    './src/views',
    './src/sdk',
  ],
  from: './src/test-support',
  message: 'src/test-support is for tests: production code may not import it.',
};
/** The sub-folders of a folder of the repository, read when ESLint starts. */
const foldersOf = (dir) =>
  readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/**
 * Zones between features: a feature (src/views/<feature>) imports its own folder and
 * src/views/shared, never another feature, so that each page can change without the others;
 * what two features need goes to src/views/shared, which imports no feature.
 */
const features = foldersOf('./src/views/').filter((name) => name !== 'shared');
const featureZones = [
  ...features.map((feature) => ({
    target: `./src/views/${feature}`,
    from: './src/views',
    except: [`./${feature}`, './shared'],
    message: `A feature imports only its own folder and src/views/shared: move what ${feature} shares with another feature to src/views/shared.`,
  })),
  {
    target: './src/views/shared',
    from: './src/views',
    except: ['./shared'],
    message: 'src/views/shared is used by the features and imports none of them.',
  },
];

/**
 * Zones of the model's groups (src/model/<group>): code outside a group, other groups included,
 * imports it only through its index.ts, so a group can rearrange its modules freely.
 */
const modelGroups = foldersOf('./src/model/');
const layerDirs = ['./src/api', './src/hooks', './src/components', './src/views', './src/sdk'];
const groupZones = modelGroups.map((group) => ({
  target: [
    ...layerDirs,
    './src/test-support',
    ...modelGroups.filter((other) => other !== group).map((other) => `./src/model/${other}`),
  ],
  from: `./src/model/${group}`,
  except: ['./index.ts'],
  message: `Import src/model/${group} through its folder (its index.ts), not its modules.`,
}));

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      'integration-tests/.cache/**',
      'integration-tests/shell/dist/**',
      'integration-tests/console/dist/**',
      'integration-tests/console/dist-4.21/**',
      'integration-tests/console/dist-4.22/**',
      'integration-tests/console-422/node_modules/**',
      'integration-tests/console/.generated/**',
      '.cache/**',
      'test-results/**',
      'playwright-report/**',
      'jest.config.js',
      'src/__mocks__/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX },
    settings: {
      react: { version: '17.0' },
      // Without a resolver that knows .ts and .tsx, import-x cannot resolve an import written
      // without its extension (all of ours), and the boundary rules below silently pass it.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] }),
      ],
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'import-x/no-duplicates': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'integration-tests/console/src/**/*.{ts,tsx}'],
    plugins: { react, 'react-hooks': reactHooks },
    rules: {
      ...react.configs.recommended.rules,
      ...reactHooks.configs.recommended.rules,
      'react/prop-types': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      // Every text a person reads goes through the translation function.
      'react/jsx-no-literals': [
        'error',
        { noStrings: false, ignoreProps: true, allowedStrings: ['-', '—', ':', '/'] },
      ],
      'import-x/no-restricted-paths': [
        'error',
        { zones: [...layerZones, testSupportZone, ...featureZones, ...groupZones] },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: SDK,
              message: 'Import SDK values from src/sdk/console-sdk (types may come from the SDK).',
              allowTypeImports: true,
            },
            {
              name: 'react-router-dom',
              message: 'Use react-router-dom-v5-compat: the v5 API breaks on console 4.22.',
            },
            {
              name: 'react-router',
              message: 'Use react-router-dom-v5-compat: the v5 API breaks on console 4.22.',
            },
          ],
          patterns: [
            {
              group: ['@patternfly/*/dist/**/*.css', '@patternfly/patternfly/**'],
              message: 'Never import PatternFly CSS: the console loads it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Specs and the test helpers themselves may use the test helpers.
    files: ['src/**/*.spec.{ts,tsx}', 'src/test-support/**/*.ts', 'src/setup-tests.ts'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    // The adapter is the one module allowed to import the SDK at run time.
    files: ['src/sdk/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The model is plain TypeScript: no React, no PatternFly, no SDK at run time.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: SDK, message: 'src/model may import SDK types only.', allowTypeImports: true },
          ],
          patterns: [
            {
              group: ['react', 'react-*', '@patternfly/*', 'react-i18next'],
              message: 'src/model is pure: no React, PatternFly or i18next.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.{ts,tsx}', 'integration-tests/**/*.{ts,tsx}', 'scripts/**/*.{ts,mts,mjs}'],
    rules: {
      // Tests read JSON answers of the API loosely; production code stays fully typed.
      'react/jsx-no-literals': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-floating-promises': 'error',
      // The test tooling edits arbitrary JSON documents, where computed keys are the point.
      '@typescript-eslint/no-dynamic-delete': 'off',
    },
  },
  {
    // Tests read JSON answers of the API loosely; production code stays fully typed.
    files: ['**/*.spec.{ts,tsx}', 'integration-tests/browser/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
