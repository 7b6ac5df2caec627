/**
 * One jest run holds three projects: unit (pure code), integration (real PostGIS, Redis and
 * Chromium) and e2e (the built client in headless Chromium against a running server).
 * Type checking is done once by `tsc --noEmit` in `npm test`, so ts-jest only transpiles.
 */
const transform = { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] };
// Every file runs in the leak-checking environment: a test file fails when it leaves a pg
// connection, a Redis connection or a BullMQ worker open (tests/setup/open-handles.ts).
const common = {
  testEnvironment: '<rootDir>/tests/leak-environment.cjs',
  setupFilesAfterEnv: ['<rootDir>/tests/setup/open-handles.ts'],
  transform,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  globalSetup: '<rootDir>/tests/global-setup.cjs',
  globalTeardown: '<rootDir>/tests/global-teardown.cjs',
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      slowTestThreshold: 30,
    },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'], slowTestThreshold: 60 },
  ],
  testTimeout: 120000,
};
