import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc/recommended-ts.js';
import jestPlugin from 'eslint-plugin-jest';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';

/**
 * The layers and their allowed arrows (docs/architecture.md): core <- kernel and db <- capabilities
 * <- app. Each zone names files (`target`) that may not import from `from`.
 */
const SERVICE = './service/src';
const LAYER_ZONES = [
    { target: './core/**', from: './service/**', message: 'core/ is pure: it never imports the service.' },
    {
        target: `${SERVICE}/kernel/**`,
        from: `${SERVICE}/!(kernel|db)/**`,
        message: 'The kernel imports no capability and not the app assembly.'
    },
    {
        target: `${SERVICE}/db/**`,
        from: `${SERVICE}/!(kernel|db)/**`,
        message: 'db/ is infrastructure: it imports no capability.'
    },
    {
        target: `${SERVICE}/!(app|testing)/**`,
        from: `${SERVICE}/app/**`,
        message: 'Nothing imports the app assembly: capabilities are wired by it, not the other way.'
    },
    {
        target: `${SERVICE}/!(testing)/**`,
        from: `${SERVICE}/testing/**`,
        message: 'Production code never imports test-only modules.'
    },
    {
        target: `${SERVICE}/*/routes.ts`,
        from: `${SERVICE}/db/**`,
        message:
            'A route is its schemas and one call: SQL and transactions belong to use cases and repositories.'
    },
    {
        target: './force-app/**',
        from: './service/**',
        message: 'force-app talks to the service over HTTP only.'
    }
];

export default tseslint.config(
    {
        ignores: [
            'node_modules/',
            '.data/',
            'dist/',
            'coverage/',
            'test-results/',
            'preview/dist/',
            '.sf/',
            '.sfdx/',
            'force-app/main/default/lwc/**/*.js',
            'force-app/main/default/staticresources/',
            '**/*.d.ts'
        ]
    },
    // Node code: core, service, scripts, bench, preview server and tests.
    {
        files: ['**/*.ts'],
        ignores: ['force-app/**'],
        extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
        languageOptions: {
            parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname },
            globals: { ...globals.node }
        },
        rules: {
            eqeqeq: ['error', 'always'],
            '@typescript-eslint/no-floating-promises': 'error',
            '@typescript-eslint/switch-exhaustiveness-check': 'error',
            '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    // The layers (production code; tests may reach across to set things up).
    {
        files: ['core/**/*.ts', 'service/**/*.ts'],
        ignores: ['**/*.test.ts'],
        plugins: { import: importPlugin },
        settings: {
            'import/resolver': { node: { extensions: ['.ts', '.js'] } },
            'import/parsers': { '@typescript-eslint/parser': ['.ts'] }
        },
        rules: {
            'import/no-restricted-paths': ['error', { zones: LAYER_ZONES }],
            'import/no-cycle': ['error', { ignoreExternal: true }]
        }
    },
    {
        files: ['**/*.test.ts'],
        ignores: ['force-app/**'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.jest } },
        rules: {
            '@typescript-eslint/no-non-null-assertion': 'off',
            '@typescript-eslint/unbound-method': 'off'
        }
    },
    // Lightning web components, authored in TypeScript.
    {
        files: ['force-app/**/lwc/**/*.ts'],
        extends: [...(Array.isArray(lwcConfig) ? lwcConfig : [lwcConfig]), ...tseslint.configs.recommended],
        languageOptions: {
            parser: tseslint.parser,
            globals: { ...globals.browser }
        },
        rules: {
            eqeqeq: ['error', 'always']
        }
    },
    {
        files: ['force-app/**/lwc/**/*.ts'],
        ignores: ['**/__tests__/**'],
        settings: { 'import/resolver': { node: { extensions: ['.ts', '.js'] } } },
        rules: { 'import/no-restricted-paths': ['error', { zones: LAYER_ZONES }] }
    },
    {
        files: ['force-app/**/__tests__/**/*.ts', 'force-app/test/**/*.{js,ts}'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } }
    },
    // Stand-ins of platform modules declare public methods with @api, as the platform's do.
    {
        files: ['force-app/test/jest-mocks/**/*.js'],
        languageOptions: { parser: tseslint.parser }
    },
    {
        files: ['**/*.{js,cjs,mjs}'],
        ignores: ['force-app/**/lwc/**'],
        extends: [js.configs.recommended],
        languageOptions: { globals: { ...globals.node } }
    }
);
