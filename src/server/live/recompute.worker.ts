import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase, type Db } from '../db/connect.ts';
import { startBackgroundCheckpoints } from '../db/sqlite-checkpoints.ts';
import { runRecomputeJob, type RecomputeJobResult } from './recompute.job.ts';

/** A request to the live hub's worker: recompute one session's analysis, or answer a ping (readiness). */
export type RecomputeRequest =
  | { readonly id: number; readonly sessionId: string; readonly ping: false }
  | { readonly id: number; readonly ping: true };
export type RecomputeReply =
  | { readonly id: number; readonly pong: true }
  | { readonly id: number; readonly result: RecomputeJobResult }
  | { readonly id: number; readonly error: string; readonly code?: string };

// Its own connection (a small pool on PostgreSQL): reads here never wait behind the server's queries.
const db: Db = openDatabase((workerData as { databaseUrl: string }).databaseUrl, { poolSize: 2 });
startBackgroundCheckpoints(db, (message, error) =>
  console.error(`[analysis worker] ${message}`, error ?? ''),
);

parentPort?.on('message', async (request: RecomputeRequest) => {
  if (request.ping) return parentPort?.postMessage({ id: request.id, pong: true });
  let reply: RecomputeReply;
  try {
    reply = { id: request.id, result: await runRecomputeJob(db.kysely, request.sessionId) };
  } catch (error) {
    // The code crosses the thread too: the server tells an unavailable database from a bug by it.
    const { message, code } = error as { message: string; code?: unknown };
    reply = { id: request.id, error: message, ...(typeof code === 'string' ? { code } : {}) };
  }
  parentPort?.postMessage(reply);
});
