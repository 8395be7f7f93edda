import { Worker } from 'node:worker_threads';
import type { AnalysisInputLike, AnalysisOptions, AnalysisResult } from '../analysis/types.ts';
import type { AnalysisReply, AnalysisRequest } from './protocol.ts';

export interface AnalysisWorker {
  /** Analyses in the worker thread; the event loop of the caller stays free meanwhile. */
  analyze(input: AnalysisInputLike, options?: AnalysisOptions): Promise<AnalysisResult>;
  close(): Promise<void>;
}

/** Starts one worker thread running the engine (through bootstrap.mjs, which loads TypeScript via tsx). */
export function startAnalysisWorker(): AnalysisWorker {
  const worker = new Worker(new URL('./bootstrap.mjs', import.meta.url));
  const pending = new Map<
    number,
    { resolve: (r: AnalysisResult) => void; reject: (e: Error) => void }
  >();
  let nextId = 0;
  worker.on('message', (reply: AnalysisReply) => {
    const waiter = pending.get(reply.id);
    pending.delete(reply.id);
    if ('error' in reply) waiter?.reject(new Error(reply.error));
    else waiter?.resolve(reply.result);
  });
  worker.on('error', (error) => {
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  return {
    analyze(input, options) {
      const request: AnalysisRequest = { id: nextId++, input, options };
      return new Promise((resolve, reject) => {
        pending.set(request.id, { resolve, reject });
        worker.postMessage(request);
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
