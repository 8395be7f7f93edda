import type { Db } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { liveEvents } from '../repositories/live-events.repository.ts';
import { createCoalescer, type Coalescer } from './coalescer.ts';
import { LocalFanout } from './fanout.ts';
import { PgEventListener } from './pg-listener.ts';
import { recomputeSession } from './recompute.ts';
import { RecomputeWorker } from './recompute-worker.ts';
import { leaveCheckpointsToBackground } from '../db/sqlite-checkpoints.ts';

/**
 * Live events of a session, as they reach subscribers. `payload` is the JSON text of the event's
 * data, serialised once so a thousand subscribers do not serialise it a thousand times.
 */
export interface LiveEvent {
  seq: number;
  sessionId: string;
  type: string;
  payload: string;
  at: string;
}

export type LiveListener = (event: LiveEvent) => void;

/**
 * Push of a session's changes to browsers. Event types and their data (never an individual vote
 * or an author identity; callers present the data before publishing):
 * - `vote-counts`: per statement totals ({ statements: [{ id, agrees, disagrees, passes }] });
 * - `statement`: a statement approved or changed, presented under the session's attribution rule;
 * - `session`: the session opened or closed ({ id, status });
 * - `statement-order`: the moderators' order of the approved statements ({ statementIds });
 * - `analysis`: the room view's summary (see presenters/analysis.presenter.ts).
 */
export interface LiveHub {
  /** Stores the event (so a reconnecting client gets what it missed) and pushes it to every subscriber, in every process. */
  publish(sessionId: string, event: { type: string; data: unknown }): Promise<void>;
  /** Call after committing any change of votes or statements: schedules a recomputation of the analysis (throttled, see coalescer.ts). */
  votesChanged(sessionId: string): void;
  /** Replays stored events with seq > afterSeq (none when afterSeq is null), then pushes new ones. Returns the unsubscribe function. */
  subscribe(sessionId: string, afterSeq: number | null, listener: LiveListener): () => void;
  /** For readiness: the analysis worker answers a ping; on PostgreSQL, the LISTEN connection is up (null on SQLite). */
  status(timeoutMs: number): Promise<{ worker: boolean; listening: boolean | null }>;
  /** Recomputations of the analysis run and failed since start, for /metrics. */
  readonly recomputations: { runs: number; failures: number };
  close(): Promise<void>;
}

export interface LiveHubOptions {
  /** PostgreSQL URL for the dedicated LISTEN connection and the analysis worker's connection; defaults to deps.config.databaseUrl. */
  listenUrl?: string;
  /** Recomputations of a session start at most this often (ms); a lone vote is analysed at once. */
  recomputeIntervalMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Start the analysis worker at once (default) rather than on the first recomputation. */
  warmWorker?: boolean;
}

export const LIVE_CHANNEL = 'parley_live';

/**
 * Events that describe the whole current state: only the latest of each type is kept per session
 * (a reconnecting client needs the current analysis, not every one since), so the table does not
 * grow with every recomputation of a two-day round.
 */
export const SNAPSHOT_EVENT_TYPES: ReadonlySet<string> = new Set([
  'analysis',
  'vote-counts',
  'moderation-queue',
]);

/** Creates the hub with its analysis worker; on PostgreSQL it also LISTENs for other processes' events. */
export async function createLiveHub(deps: Deps, options: LiveHubOptions = {}): Promise<LiveHub> {
  const db = deps.db;
  // The database being unavailable is logged once per incident, not by every job it fails.
  const log = db.outage.filter(
    options.log ??
      ((message: string, error?: unknown) => console.error(`[live] ${message}`, error ?? '')),
  );
  const fanout = new LocalFanout(db, log);
  const pgUrl = options.listenUrl ?? deps.config.databaseUrl;
  if (db.dialect === 'postgres' && !pgUrl)
    throw new Error(
      'The live hub needs the PostgreSQL URL for its LISTEN connection and analysis worker',
    );
  const worker = new RecomputeWorker(workerDatabaseUrl(db, pgUrl), log);
  // Start the worker now: loading the engine takes a few hundred ms the first vote should not wait for.
  if (options.warmWorker !== false) worker.warm();
  await leaveCheckpointsToBackground(db);
  let closed = false;

  let listener: PgEventListener | null = null;
  if (db.dialect === 'postgres') {
    listener = new PgEventListener(pgUrl!, LIVE_CHANNEL, fanout, db, log);
    await listener.start();
  }

  const hub: LiveHub = {
    async publish(sessionId, event) {
      const payload = JSON.stringify(event.data ?? null);
      const at = deps.now().toISOString();
      const replacesEarlier = SNAPSHOT_EVENT_TYPES.has(event.type);
      const seq = await liveEvents.append(
        db,
        { session_id: sessionId, type: event.type, payload, at },
        { channel: LIVE_CHANNEL, replacesEarlier },
      );
      fanout.deliver({ seq, sessionId, type: event.type, payload, at });
    },
    votesChanged(sessionId) {
      if (!closed) recomputations.schedule(sessionId);
    },
    subscribe(sessionId, afterSeq, listen) {
      return fanout.subscribe(sessionId, afterSeq, listen);
    },
    recomputations: { runs: 0, failures: 0 },
    async status(timeoutMs) {
      return { worker: await worker.ping(timeoutMs), listening: listener?.connected ?? null };
    },
    async close() {
      if (closed) return;
      closed = true;
      await recomputations.close();
      await listener?.stop();
      fanout.closeAll();
      await worker.close();
    },
  };

  const recomputations: Coalescer = createCoalescer({
    intervalMs: options.recomputeIntervalMs ?? 250,
    // A session of tens of thousands of votes takes ~100 ms to read and analyse: at most a quarter
    // of a core, and never more than a second between runs.
    maxBusyShare: 0.25,
    maxSpacingMs: 1000,
    run: async (sessionId) => {
      hub.recomputations.runs++;
      try {
        await recomputeSession({ deps, hub, worker }, sessionId);
      } catch (error) {
        hub.recomputations.failures++;
        // Votes keep being collected; the room view just shows the last good analysis.
        log(`analysis of session ${sessionId} failed`, error);
      }
    },
  });
  return hub;
}

/** The URL the worker opens the server's database with: the SQLite file itself, or PostgreSQL's URL. */
function workerDatabaseUrl(db: Db, pgUrl: string | undefined): string {
  if (db.dialect === 'postgres') return pgUrl!;
  if (db.location === ':memory:')
    throw new Error(
      'The live hub needs a database file: an in-memory SQLite database cannot be opened by its analysis worker',
    );
  return `sqlite:${db.location}`;
}
