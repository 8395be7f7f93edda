#!/usr/bin/env node
// The `parley` command from its TypeScript sources, through tsx, with no build: what the tests
// spawn, and `npm run dev` (which restarts it when a source changes).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
