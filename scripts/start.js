#!/usr/bin/env node
// `npm start`: builds the server and the web app if either is missing or stale, then runs
// `parley serve` from the build (plain node, no tsx). Extra arguments go to `parley serve`.
import { staleness } from './build-state.js';

if (staleness('server') || staleness('web')) {
  const { build } = await import('./build.js');
  await build(['server', 'web'], { ifStale: true });
}
const { main } = await import('../dist/server/cli.js');
process.exitCode = await main(['serve', ...process.argv.slice(2)]);
