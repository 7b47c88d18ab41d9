import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc/recommended-ts.js';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';

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
        files: ['force-app/**/__tests__/**/*.ts', 'force-app/test/**/*.{js,ts}'],
        languageOptions: { globals: { ...globals.jest, ...globals.node } }
    },
    {
        files: ['**/*.{js,cjs,mjs}'],
        ignores: ['force-app/**/lwc/**'],
        extends: [js.configs.recommended],
        languageOptions: { globals: { ...globals.node } }
    }
);
