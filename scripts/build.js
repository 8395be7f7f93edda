#!/usr/bin/env node
// `npm run build`: the server, CLI and analysis worker bundled by esbuild into plain JavaScript
// in dist/server, and the web app built by Vite into dist/web. Each build goes to a scratch
// folder first and then replaces the old one, with a build.json listing the sources it read
// (scripts/build-state.js decides from it whether `npm start` must build again).
//   node scripts/build.js [server] [web] [--if-stale]   (no name: both)
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { BUILDS, ROOT, inputRecord, recordPath, staleness } from './build-state.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
/** Inputs every build depends on besides its sources: the locked dependency versions and this script. */
const ALWAYS = ['package-lock.json', 'scripts/build.js', 'scripts/build-state.js'].map((p) =>
  join(ROOT, p),
);

/**
 * Runtime dependencies stay outside the bundle and are loaded from node_modules: native addons,
 * and playwright-core (it finds its own files at run time). Everything else is bundled, so it is a
 * devDependency: `npm ci --omit=dev` installs exactly what the built server needs.
 */
const EXTERNAL = [...Object.keys(pkg.dependencies), 'pg-native'];

/** Writes into a scratch folder, then swaps it in: a running server never sees half a build. */
async function replaceDir(dir, write) {
  const scratch = `${dir}.new-${process.pid}`;
  const old = `${dir}.old-${process.pid}`;
  rmSync(scratch, { recursive: true, force: true });
  try {
    const inputs = await write(scratch);
    writeFileSync(
      recordPath(scratch),
      JSON.stringify(inputRecord([...inputs, ...ALWAYS]), null, 1),
    );
    if (existsSync(dir)) renameSync(dir, old);
    try {
      renameSync(scratch, dir);
    } catch (error) {
      // Another process built the same sources at the same moment and swapped its build in first.
      if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
}

async function buildServer(outdir) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: {
      cli: 'src/cli/main.ts',
      // The live hub's analysis thread (src/server/runtime.ts starts it from here).
      'recompute.worker': 'src/server/live/recompute.worker.ts',
    },
    outdir,
    bundle: true,
    splitting: true, // `parley --help` or `db migrate` do not load the web server
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: EXTERNAL,
    // Bundled CommonJS packages call require(): give the ES module one.
    banner: {
      js: "import { createRequire as __parleyRequire } from 'node:module'; const require = __parleyRequire(import.meta.url);",
    },
    define: { PARLEY_BUNDLE: 'true' },
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  return Object.keys(result.metafile.inputs)
    .filter((path) => path.startsWith('src/'))
    .map((path) => join(ROOT, path));
}

async function buildWeb(outDir) {
  // Always React's production build, even when run from a test (vitest sets NODE_ENV=test).
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  const inputs = new Set();
  await build({
    configFile: join(ROOT, 'src/web/vite.config.ts'),
    logLevel: 'warn',
    // No "plugins took N% of the build" notice: on a busy machine it says nothing about us.
    build: { outDir, rolldownOptions: { checks: { pluginTimings: false } } },
    plugins: [
      {
        name: 'parley-build-inputs',
        generateBundle(_options, bundle) {
          for (const item of Object.values(bundle))
            for (const id of item.type === 'chunk' ? item.moduleIds : [])
              if (id.startsWith(ROOT) && !id.includes('/node_modules/'))
                inputs.add(id.split('?')[0]);
        },
      },
    ],
  });
  // The configuration and its plugins are not modules of the app: list them too.
  const web = join(ROOT, 'src/web');
  for (const file of ['index.html', 'vite.config.ts']) inputs.add(join(web, file));
  for (const file of readdirSync(join(web, 'build'))) inputs.add(join(web, 'build', file));
  return [...inputs].filter((path) => existsSync(path));
}

const BUILDERS = { server: buildServer, web: buildWeb };

/** Builds the named parts (`server`, `web`); with ifStale, only those whose sources changed. */
export async function build(
  names = ['server', 'web'],
  { ifStale = false, log = console.log } = {},
) {
  for (const name of names) {
    const why = ifStale ? staleness(name) : 'asked';
    if (!why) continue;
    const started = performance.now();
    if (ifStale) log(`Building ${name} (${why})…`);
    await replaceDir(BUILDS[name].dir, BUILDERS[name]);
    log(`Built dist/${name} in ${Math.round(performance.now() - started)} ms`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const names = args.filter((a) => a in BUILDERS);
  await build(names.length ? names : undefined, { ifStale: args.includes('--if-stale') });
}
