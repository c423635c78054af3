import { defineConfig } from 'vitest/config';

/**
 * Files that start Neo4j instances of their own (to stop, kill, break or install them). With
 * NEO4J_URI set the run uses that database and starts nothing else, so they are left out (and
 * the run says so); without it they run on their own throw-away instances as usual.
 */
const OWN_NEO4J = [
  'tests/integration/cli/db.test.ts',
  'tests/integration/cli/start.test.ts',
  'tests/integration/runtime/managed-errors.test.ts',
  'tests/integration/http/any-database.test.ts',
  'tests/integration/resources/perspectives.test.ts',
  'tests/integration/reliability/neo4j-faults.test.ts',
  'tests/e2e/neo4j-outage.test.ts',
  'tests/e2e/any-database.test.ts',
  'tests/bench/quick.test.ts',
  'tests/integration/scale/read-profile.test.ts',
  'tests/integration/scale/timeline-profile.test.ts',
  'tests/integration/dataset/bulk.test.ts',
];
const external = !!process.env.NEO4J_URI;
if (external)
  process.stderr.write(
    `tests: NEO4J_URI is set — leaving out ${OWN_NEO4J.length} files that start their own Neo4j: ${OWN_NEO4J.join(', ')}\n`,
  );

// Integration and e2e tests share one real Neo4j (started by the global setup) and the seeded
// graph, so test files run one after another; each file's tests are short.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(external ? OWN_NEO4J : [])],
    globalSetup: ['tests/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    // A poll waits for what a page or server does next: Vitest's default of one second is a few
    // round trips to the browser on a loaded machine. It only fails later, never passes sooner.
    expect: { poll: { timeout: 15_000 } },
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
