import type { CliIO, Verb } from './verb.ts';
import { UsageError } from './verb.ts';
import { verbs } from './verbs/index.ts';

function usage(): string {
  const width = Math.max(...verbs.map((v) => v.name.join(' ').length));
  const lines = verbs.map((v) => `  ${v.name.join(' ').padEnd(width)}  ${v.summary}`);
  return `Usage: parley <verb> [options]\n\nVerbs:\n${lines.join('\n')}\n\nRun 'parley <verb> --help' for a verb's options.\n`;
}

/** Picks the verb whose name matches the longest prefix of argv. */
function findVerb(argv: string[]): { verb: Verb; rest: string[] } | undefined {
  const sorted = [...verbs].sort((a, b) => b.name.length - a.name.length);
  for (const verb of sorted) {
    if (verb.name.every((word, i) => argv[i] === word))
      return { verb, rest: argv.slice(verb.name.length) };
  }
  return undefined;
}

/** A reader that closes the pipe early (`parley ... | head`) is not an error: exit quietly on EPIPE. */
const guarded = new WeakSet<NodeJS.WritableStream>();
function exitQuietlyOnBrokenPipe(stream: NodeJS.WritableStream): void {
  if (guarded.has(stream)) return;
  guarded.add(stream);
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

export async function main(
  argv: string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  for (const stream of [process.stdout, process.stderr])
    if (io.stdout === stream || io.stderr === stream) exitQuietlyOnBrokenPipe(stream);
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.stdout.write(usage());
    return argv.length === 0 ? 2 : 0;
  }
  const found = findVerb(argv);
  if (!found) {
    io.stderr.write(`parley: unknown verb '${argv.join(' ')}'\n\n${usage()}`);
    return 2;
  }
  if (found.rest.includes('--help') || found.rest.includes('-h')) {
    io.stdout.write(found.verb.help.endsWith('\n') ? found.verb.help : `${found.verb.help}\n`);
    return 0;
  }
  try {
    return await found.verb.run(found.rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`parley ${found.verb.name.join(' ')}: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
