import { defineConfig } from 'vitest/config';

// Integration and e2e tests share one real Neo4j (started by the global setup) and the seeded
// graph, so test files run one after another; each file's tests are short.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
