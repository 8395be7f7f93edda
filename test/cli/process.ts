import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.ts';

/** Helpers that run the real `parley` command as a separate process, as a person would. */

export const PARLEY_BIN = fileURLToPath(new URL('../../bin/parley-ts.js', import.meta.url));
/** The command an operator runs: the build in dist/server, plain JavaScript. */
export const BUILT_BIN = fileURLToPath(new URL('../../bin/parley.js', import.meta.url));

/**
 * For a test that runs several `parley` processes one after another: each loads the TypeScript
 * sources through tsx, which on a loaded machine takes seconds, so the default 60 s is too short.
 */
export const SEVERAL_PROCESSES_MS = 300_000;

/** A private temporary folder for databases, exports and backups. */
export const tempDir = () => mkdtempSync(join(tmpdir(), 'parley-cli-'));

/** The environment of a child: quiet, on a free port, and never the test run's DATABASE_URL by accident. */
export function childEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PARLEY_DEMO: 'on',
  };
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS; // vitest's loader hooks must not leak into the child
  return { ...env, ...overrides };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `parley <args>` to completion. */
export function runParley(
  args: string[],
  env: Record<string, string>,
  input?: string,
): Promise<CliRun> {
  return new Promise((done, reject) => {
    const child = spawn(process.execPath, [PARLEY_BIN, ...args], {
      env: childEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  /** Everything printed so far. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns `parley serve` and waits until it prints its address. */
export function startParley(
  env: Record<string, string>,
  timeoutMs = 60_000,
  bin = PARLEY_BIN,
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((resolveStart, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`parley serve did not print its address in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Parley is running at (http:\/\/\S+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolveStart({
        child,
        url: match[1],
        output: () => out,
        stop: async () => {
          if (child.exitCode === null) child.kill('SIGTERM');
          return exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited with ${code} before printing its address:\n${out}`));
    });
  });
}

/** Runs `parley <argv>` in-process with buffer streams (faster than a child; same verbs). */
export async function runInProcess(argv: string[], env: NodeJS.ProcessEnv) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on('data', (c) => out.push(String(c)));
  stderr.on('data', (c) => err.push(String(c)));
  const code = await main(argv, { stdout, stderr, env });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
