import type { Db } from '../db/connect.ts';
import type { Deps } from '../deps.ts';
import { liveEvents } from '../repositories/live-events.repository.ts';
import { createCoalescer, type Coalescer } from './coalescer.ts';
import { LocalFanout } from './fanout.ts';
import { PgEventListener } from './pg-listener.ts';
import { recomputeSession, type RecomputeOutcome } from './recompute.ts';
import { RecomputeWorker } from './recompute-worker.ts';
import { leaveCheckpointsToBackground } from '../db/sqlite-checkpoints.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';

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
 * - `vote-counts`: per statement totals of the latest release (LiveVoteCounts);
 * - `statement`: a statement approved or changed, presented under the session's attribution rule;
 * - `session`: the session opened or closed ({ id, status });
 * - `statement-order`: the moderators' order of the approved statements ({ statementIds });
 * - `analysis`: the latest release (AnalysisSummary; presenters/analysis.presenter.ts).
 */
export interface LiveHub {
  /** Stores the event (so a reconnecting client gets what it missed) and pushes it to every subscriber, in every process. */
  publish(sessionId: string, event: { type: string; data: unknown }): Promise<void>;
  /** Call after committing any change of votes, statements or a session's status: schedules an attempt at the next release (throttled, see coalescer.ts). */
  votesChanged(sessionId: string): void;
  /** Replays stored events with seq > afterSeq (none when afterSeq is null), then pushes new ones. Returns the unsubscribe function. */
  subscribe(sessionId: string, afterSeq: number | null, listener: LiveListener): () => void;
  /** Runs `run` at `atMs` (once per key: a later call for a pending key is dropped); cancelled on close. */
  publishAt(key: string, atMs: number, run: () => Promise<void>): void;
  /** Tries the session's next release now (after any in progress): what tests wait on. */
  releaseNow(sessionId: string): Promise<RecomputeOutcome>;
  /** For readiness: the analysis worker answers a ping; on PostgreSQL, the LISTEN connection is up (null on SQLite). */
  status(timeoutMs: number): Promise<{ worker: boolean; listening: boolean | null }>;
  /** Recomputations of the analysis run and failed since start, for /metrics. */
  readonly recomputations: { runs: number; failures: number };
  close(): Promise<void>;
}

export interface LiveHubOptions {
  /** PostgreSQL URL for the dedicated LISTEN connection and the analysis worker's connection; defaults to deps.config.databaseUrl. */
  listenUrl?: string;
  /** Releases of a session are tried at most this often (ms); default MIN_RELEASE_INTERVAL_MS. */
  recomputeIntervalMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Start the analysis worker at once (default) rather than on the first recomputation. */
  warmWorker?: boolean;
  /** False: votes schedule no release; only releaseNow makes one (tests that count releases). */
  scheduleReleases?: boolean;
}

export const LIVE_CHANNEL = 'parley_live';

/**
 * Releases of a session are tried at most once a second: each needs k voters' changes anyway
 * (docs/confidentiality.md), and their times are written to the second.
 */
export const MIN_RELEASE_INTERVAL_MS = 1000;

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
  const timers = new Map<string, NodeJS.Timeout>();

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
      if (!closed && options.scheduleReleases !== false) recomputations.schedule(sessionId);
    },
    releaseNow: (sessionId) => release(sessionId),
    publishAt(key, atMs, run) {
      if (closed || timers.has(key)) return;
      const timer = setTimeout(
        () => {
          timers.delete(key);
          run().catch((error) => log(`scheduled event ${key} failed`, error));
        },
        Math.max(0, atMs - Date.now()),
      );
      timers.set(key, timer.unref());
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
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await recomputations.close();
      await listener?.stop();
      fanout.closeAll();
      await worker.close();
    },
  };

  // One release of a session at a time, whoever asks: two from the same previous state would
  // each pass the gate alone and together show their difference.
  const inFlight = new Map<string, Promise<RecomputeOutcome>>();
  const release = (sessionId: string): Promise<RecomputeOutcome> => {
    const next = (inFlight.get(sessionId) ?? Promise.resolve<RecomputeOutcome>('unchanged'))
      .catch(() => 'unchanged' as const)
      .then(() => recomputeSession({ deps, hub, worker }, sessionId));
    inFlight.set(sessionId, next);
    void next
      .catch(() => undefined)
      .finally(() => inFlight.get(sessionId) === next && inFlight.delete(sessionId));
    return next;
  };

  const recomputations: Coalescer = createCoalescer({
    intervalMs: options.recomputeIntervalMs ?? MIN_RELEASE_INTERVAL_MS,
    // A session of tens of thousands of votes takes ~100 ms to read and analyse: at most a quarter
    // of a core, and never more than a second between runs.
    maxBusyShare: 0.25,
    maxSpacingMs: 1000,
    run: async (sessionId) => {
      hub.recomputations.runs++;
      try {
        await release(sessionId);
      } catch (error) {
        hub.recomputations.failures++;
        // Votes keep being collected; the room view just shows the last good analysis.
        log(`analysis of session ${sessionId} failed`, error);
      }
    },
  });
  // Sessions with votes but no release yet (a database from before releases), or closed
  // without their final release (a server stopped in between): released now.
  for (const sessionId of await analysisRepo.sessionsAwaitingRelease(db.kysely))
    recomputations.schedule(sessionId);
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
