import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The explorer's build. index.html at the repository root; output in dist/ (served by the API
 * server in production). In dev, /api goes to the API server (NEWSGRAPH_API_URL, default the
 * default PORT 7400). The Cypher editor, the drawer body and the exporters are dynamic imports:
 * separate chunks, outside the first load.
 */
const api = process.env.NEWSGRAPH_API_URL ?? 'http://127.0.0.1:7400';

export default defineConfig({
  plugins: [react()],
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
});
