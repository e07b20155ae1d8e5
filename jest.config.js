// Jest runs three projects: the pure model in plain Node, the React layers in jsdom, and the
// Node-side tooling (in-memory cluster, static checks of the build, chart and Dockerfile).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'classic' } },
      target: 'es2021',
    },
    module: { type: 'commonjs' },
  },
];

const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '\\.(css|scss)$': '<rootDir>/src/__mocks__/style.js' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/integration-tests/e2e/'],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'model',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/src/model/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'ui',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/src/**/*.spec.ts?(x)'],
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '/src/model/'],
      setupFilesAfterEnv: ['<rootDir>/src/setup-tests.ts'],
    },
    {
      ...common,
      displayName: 'tooling',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/integration-tests/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
    },
  ],
};
