import type { Config } from 'jest';

// One Jest run covers every package; tests import sibling packages from source.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/examples', '<rootDir>/bench', '<rootDir>/docs'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test-setup/jest-global-setup.ts',
  globalTeardown: '<rootDir>/packages/postgresql/src/testing/jest-global-teardown.ts',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
  },
  moduleNameMapper: {
    '^@order-liability/([a-z-]+)$': '<rootDir>/packages/$1/src',
    '^@order-liability/([a-z-]+)/testing$': '<rootDir>/packages/$1/src/testing',
  },
  modulePathIgnorePatterns: ['<rootDir>/packages/.*/dist/'],
  collectCoverage: true,
  coverageReporters: ['text-summary'],
  collectCoverageFrom: [
    'packages/*/src/**/*.ts',
    '!packages/*/src/**/*.test.ts',
    '!packages/*/src/**/__fixtures__/**',
  ],
  coverageThreshold: {
    global: {},
    './packages/domain/src/': { lines: 95, branches: 95 },
  },
};

export default config;
