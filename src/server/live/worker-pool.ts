import { Worker } from 'node:worker_threads';
import type { AnalysisResult, ConversationInput } from '../../analysis/index.ts';
import type { AnalysisReply, AnalysisRequest } from '../../analysis-worker/protocol.ts';

/** The engine's worker entry (registers tsx, then loads the TypeScript worker). */
const WORKER_ENTRY = new URL('../../analysis-worker/bootstrap.mjs', import.meta.url);

interface Pending {
  resolve: (result: AnalysisResult) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived worker thread running the analysis engine, for the life of the server. Requests
 * are answered in turn; if the worker dies, pending requests fail and the next request starts a
 * fresh worker, so one bad analysis never stops the live updates for good.
 */
export class AnalysisWorkerPool {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly log: (message: string, error?: unknown) => void) {}

  analyze(input: ConversationInput, previous: AnalysisResult | undefined): Promise<AnalysisResult> {
    if (this.closed) return Promise.reject(new Error('The analysis worker is closed'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: AnalysisRequest = { id, input, options: { previous } };
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
    const worker = new Worker(WORKER_ENTRY);
    // A worker waiting for work must not keep the process alive on shutdown.
    worker.unref();
    worker.on('message', (reply: AnalysisReply) => {
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(`analysis failed: ${reply.error}`));
      else pending.resolve(reply.result);
    });
    worker.on('error', (error) => {
      this.log('analysis worker crashed', error);
      this.retire(worker, error);
    });
    worker.on('exit', (code) => this.retire(worker, new Error(`analysis worker exited with code ${code}`)));
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
  }
}
