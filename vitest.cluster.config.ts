import { defineConfig } from 'vitest/config';

/** `npm run test:cluster`: specs against the cluster scripts/cluster.sh runs (PostgreSQL, Temporal server, workers, API). */
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    // One cluster and two cores, and one test restarts its server: files run one after another.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/reporters/closing-line-reporter.ts'],
  },
});
