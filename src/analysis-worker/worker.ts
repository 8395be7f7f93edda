import { parentPort } from 'node:worker_threads';
import { analyze } from '../analysis/index.ts';
import type { AnalysisRequest, AnalysisReply } from './protocol.ts';

/** Runs each requested analysis off the main thread and posts the result (or the error message) back. */
parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { id: request.id, result: analyze(request.input, request.options) };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
