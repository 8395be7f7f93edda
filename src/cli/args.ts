import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './verb.ts';

/** `util.parseArgs` with errors turned into a UsageError the CLI prints without a stack. */
export function parseVerbArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}
