/**
 * Where the server finds its files, whether it runs from its TypeScript sources (tsx: tests,
 * `npm run dev`) or from the bundle scripts/build.js writes to dist/server (`npm start`).
 */
declare const PARLEY_BUNDLE: boolean | undefined; // defined as true by scripts/build.js

const bundled = typeof PARLEY_BUNDLE !== 'undefined';

/**
 * The project's root. This file is src/server/runtime.ts in the sources; bundled, its code
 * lives in a file of dist/server (the bundle is flat). Both are two folders down.
 */
export const ROOT = new URL('../../', import.meta.url);

/** Starting a worker thread: the script to run and what its workerData must carry. */
export interface WorkerScript {
  readonly url: URL;
  readonly data: { readonly entry?: string };
}

/**
 * The worker whose module is `source` (a .ts file). From the sources, Node cannot start a .ts
 * file and a worker does not inherit tsx, so analysis-worker/bootstrap.mjs registers tsx and
 * loads it; bundled, it is dist/server/<bundleName>.js, plain JavaScript.
 */
export function workerScript(source: URL, bundleName: string): WorkerScript {
  if (bundled) return { url: new URL(`./${bundleName}.js`, import.meta.url), data: {} };
  return {
    url: new URL('src/analysis-worker/bootstrap.mjs', ROOT),
    data: { entry: source.href },
  };
}
