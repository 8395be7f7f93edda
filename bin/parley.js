#!/usr/bin/env node
// The `parley` command. Loads the TypeScript sources through tsx so a checkout runs as is.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
