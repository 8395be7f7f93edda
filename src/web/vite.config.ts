import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { bundleSizePlugin } from './build/bundle-size-plugin.ts';
import { precompressPlugin } from './build/precompress-plugin.ts';
import { serviceWorkerPlugin } from './build/service-worker-plugin.ts';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The web app: sources in src/web, served by the Parley server at /app/ from dist/web. */
export default defineConfig({
  root: here('.'),
  base: '/app/',
  resolve: {
    // The app is written against React's API and types; the browser gets Preact's compatible
    // runtime: about 10 KB compressed where react-dom alone is 54 KB (docs/benchmarks.md).
    alias: [
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react(-dom)?$/, replacement: 'preact/compat' },
    ],
  },
  // index.html is the participant's entry (home, sign-in, invitation, agenda, voting): at most 100 KB.
  plugins: [
    react(),
    bundleSizePlugin({ budgets: { 'index.html': 100 * 1024 } }),
    serviceWorkerPlugin({ entry: here('sw/service-worker.ts') }),
    // Last: brotli and gzip copies of every file the build wrote.
    precompressPlugin(),
  ],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    sourcemap: false,
    // No inline module-preload polyfill script: the CSP allows only scripts from our own origin.
    modulePreload: { polyfill: false },
  },
});
