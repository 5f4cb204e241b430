import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The cluster's specs need scripts/cluster.sh's servers: `npm run test:cluster` runs them.
    exclude: [...configDefaults.exclude, 'tests/cluster/**'],
    globalSetup: ['tests/global-setup.ts'],
    // One dev server and two cores: files run one after another, tests inside a file too.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/reporters/closing-line-reporter.ts'],
  },
});
