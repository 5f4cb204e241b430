// Lint rules that keep workflows deterministic and promises awaited (after samples-typescript's .shared/.eslintrc.js).
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'tests/fixtures/**', 'bench/peers/**', '**/*.mjs', '**/*.js', '**/*.cjs'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
    },
  },
  {
    files: ['src/workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeBuiltins.map((name) => ({
            name,
            message: 'Workflows are deterministic: no Node built-ins; do I/O in an activity.',
          })),
          patterns: [
            {
              group: ['@temporalio/activity', '@temporalio/worker', '@temporalio/client'],
              message: 'Workflows import only @temporalio/workflow.',
            },
            {
              group: ['openai', 'jira.js', '@octokit/*', 'express', 'undici', 'pino', 'playwright-core', 'jsdom'],
              message: 'I/O libraries belong in activities.',
            },
            {
              regex: '^\\.\\./activities/(?!create-activities$)',
              message: 'Workflows import only the activities type.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
);
