#!/usr/bin/env node
// The `parley` command: runs the server build in dist/server, plain JavaScript. In a checkout it
// first builds it again if it is missing or a source changed since (scripts/build.js, esbuild).
import { staleness } from '../scripts/build-state.js';

if (staleness('server')) {
  const { build } = await import('../scripts/build.js').catch(() => {
    console.error(
      `parley: ${staleness('server')}, and the build tools are not installed (npm ci --omit=dev).\n` +
        'Build where the dev dependencies are installed: npm ci && npm run build.',
    );
    process.exit(1);
  });
  await build(['server'], { ifStale: true, log: (line) => console.error(line) });
}
const { main } = await import('../dist/server/cli.js');
process.exitCode = await main(process.argv.slice(2));
