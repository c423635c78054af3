/**
 * Set by vite.config.ts: true only in builds made for end-to-end tests (`--mode e2e`), which
 * carry the test hooks (src/web/testing); production builds drop that code.
 */
declare const __NEWSGRAPH_TEST__: boolean;
