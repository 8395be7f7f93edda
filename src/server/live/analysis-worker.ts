import { parentPort } from 'node:worker_threads';
import { analyze, type AnalysisResult, type ConversationInput } from '../../analysis/index.ts';

/** One analysis request: the conversation and the previous result to warm-start from. */
export interface AnalysisRequest {
  id: number;
  input: ConversationInput;
  previous: AnalysisResult | undefined;
}

export type AnalysisReply = { id: number; ok: true; result: AnalysisResult } | { id: number; ok: false; error: string };

// Runs in the worker thread: the maths never blocks the event loop that serves votes.
parentPort?.on('message', (request: AnalysisRequest) => {
  let reply: AnalysisReply;
  try {
    reply = { id: request.id, ok: true, result: analyze(request.input, { previous: request.previous }) };
  } catch (error) {
    reply = { id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort?.postMessage(reply);
});
