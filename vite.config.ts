import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The explorer's build. index.html at the repository root; output in dist/ (served by the API
 * server in production). In dev, /api goes to the API server (NEWSGRAPH_API_URL, default the
 * default PORT 7400). The Cypher editor, the drawer body and the exporters are dynamic imports:
 * separate chunks, outside the first load.
 *
 * `--mode e2e` builds for end-to-end tests: __NEWSGRAPH_TEST__ is true and the test hooks
 * (src/web/testing, window.__newsgraph) are in; in every other build they are dead code, removed.
 */
const api = process.env.NEWSGRAPH_API_URL ?? 'http://127.0.0.1:7400';

export const E2E_MODE = 'e2e';

export default defineConfig(({ mode }) => ({
  plugins: [react()],
  define: { __NEWSGRAPH_TEST__: JSON.stringify(mode === E2E_MODE) },
  root: '.',
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The lazy Cypher editor chunk is big (CodeMirror + the ANTLR Cypher grammar); that is expected.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
  preview: {
    host: '127.0.0.1',
    proxy: { '/api': { target: api, changeOrigin: false } },
  },
}));
