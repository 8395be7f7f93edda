import { Worker } from 'node:worker_threads';
import { workerScript } from '../runtime.ts';
import type { RecomputeJobResult } from './recompute.job.ts';
import type { RecomputeReply, RecomputeRequest } from './recompute.worker.ts';

const WORKER = workerScript(new URL('./recompute.worker.ts', import.meta.url), 'recompute.worker');

interface Pending {
  resolve: (result: RecomputeJobResult) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived worker thread that reads a session from the database and runs the analysis
 * engine (recompute.job.ts), for the life of the server. If the worker dies, pending requests
 * fail and the next request starts a fresh worker, so one bad analysis never stops the live
 * updates for good.
 */
export class RecomputeWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  /** Pings waiting for the worker's answer (readiness): resolved true by it, false if it dies. */
  private readonly pings = new Map<number, (alive: boolean) => void>();
  private nextId = 1;
  private closed = false;

  /** databaseUrl: the same database as the server's, opened again by the worker. */
  constructor(
    private readonly databaseUrl: string,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  recompute(sessionId: string): Promise<RecomputeJobResult> {
    if (this.closed) return Promise.reject(new Error('The analysis worker is closed'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: RecomputeRequest = { id, sessionId, ping: false };
      worker.postMessage(request);
    });
  }

  /** True when the worker answers within timeoutMs (starting it if it is not running). */
  ping(timeoutMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => answer(false), timeoutMs);
      const answer = (alive: boolean) => {
        clearTimeout(timer);
        this.pings.delete(id);
        resolve(alive);
      };
      this.pings.set(id, answer);
      const request: RecomputeRequest = { id, ping: true };
      worker.postMessage(request);
    });
  }

  /** Starts the worker ahead of the first request: loading the engine takes a few hundred ms. */
  warm(): void {
    if (!this.worker && !this.closed) this.spawn();
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('The analysis worker was closed'));
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER.url, {
      workerData: { ...WORKER.data, databaseUrl: this.databaseUrl },
    });
    // A worker waiting for work must not keep the process alive on shutdown.
    worker.unref();
    worker.on('message', (reply: RecomputeReply) => {
      if ('pong' in reply) return this.pings.get(reply.id)?.(true);
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if ('error' in reply)
        pending.reject(
          Object.assign(new Error(`analysis failed: ${reply.error}`), { code: reply.code }),
        );
      else pending.resolve(reply.result);
    });
    worker.on('error', (error) => {
      this.log('analysis worker crashed', error);
      this.retire(worker, error);
    });
    worker.on('exit', (code) =>
      this.retire(worker, new Error(`analysis worker exited with code ${code}`)),
    );
    this.worker = worker;
    return worker;
  }

  private retire(worker: Worker, error: Error) {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(error);
  }

  private failAll(error: Error) {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
    for (const answer of [...this.pings.values()]) answer(false);
  }
}
