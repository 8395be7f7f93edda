/** One `parley` sub-command. Each verb lives in its own file under `verbs/` and is wired in `main.ts`. */
export interface Verb {
  /** Words that select the verb, e.g. ['db', 'migrate']. */
  readonly name: readonly string[];
  /** One line for `parley --help`. */
  readonly summary: string;
  /** The full `--help` text: usage, options, examples. */
  readonly help: string;
  /** Runs the verb with the arguments after its name; resolves to the process exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** Where a verb writes; tests pass buffers, the real CLI passes the process streams. */
export interface CliIO {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** An error whose message is meant for the person at the terminal (no stack trace). */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
