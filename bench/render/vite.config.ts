import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Builds the two render-benchmark pages (bare sigma, the app's pipeline) into bench/tmp/render-dist. */
const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '../tmp/render-dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Unminified, so CPU profiles name the functions (minifying changes no hot path).
    minify: false,
    rollupOptions: { input: { bare: resolve(here, 'bare.html'), app: resolve(here, 'app.html') } },
  },
});
