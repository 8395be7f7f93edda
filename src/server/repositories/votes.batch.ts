import { CompiledQuery } from 'kysely';
import type { Db, Dialect } from '../db/connect.ts';

/** A first vote of a voter on a statement, before it is known which of the voter's participations is in the session's round. */
export interface NewVote {
  clientVoteId: string;
  sessionId: string;
  statementId: string;
  value: number;
  at: string;
}

interface Pending {
  vote: NewVote;
  participationIds: readonly string[];
  resolve(inserted: boolean): void;
  reject(error: unknown): void;
}

/** Rows per INSERT: well under SQLite's 32,766 parameters, and a bounded wait for the last voter of a batch. */
const MAX_ROWS = 400;
const COLUMNS = 6;

/**
 * Group commit for the vote hot path. Votes arriving together (in one turn of the event loop, or
 * while the previous batch is being written) go to the database as ONE autocommitted INSERT, and
 * each caller is answered only after that INSERT has committed, so a 2xx still means stored. On
 * PostgreSQL this turns one round trip and one WAL flush per vote into one per batch; on SQLite
 * one WAL append per batch. A vote the INSERT leaves out (a check failed, or a unique key already
 * holds it: a retry or a change) resolves false, and the caller works out why on the slow path.
 */
class VoteBatcher {
  private queue: Pending[] = [];
  private scheduled = false;
  private inFlight = 0;
  /** Voter-and-statement keys and client ids of the batches being written. */
  private readonly busyKeys = new Set<string>();
  /** PostgreSQL works on several batches at once (its own group commit merges their WAL flushes); SQLite writes one at a time anyway. */
  private readonly maxInFlight: number;
  /** Called once nothing is queued or being written (a shutdown waits for it). */
  private waiters: (() => void)[] = [];

  constructor(private readonly db: Db) {
    this.maxInFlight = db.dialect === 'postgres' ? 4 : 1;
  }

  /** Resolves once every vote handed over so far has been written (or has failed). */
  flushed(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private isIdle() {
    return this.queue.length === 0 && this.inFlight === 0 && !this.scheduled;
  }

  insert(vote: NewVote, participationIds: readonly string[]): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ vote, participationIds, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      // Gather what arrives in this turn of the event loop first.
      setImmediate(() => {
        this.scheduled = false;
        this.pump();
      });
    });
  }

  private pump() {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.takeBatch();
      if (batch.length === 0) return;
      void this.write(batch);
    }
  }

  private async write(batch: Pending[]) {
    this.inFlight++;
    const keys = batch.flatMap(keysOf);
    for (const key of keys) this.busyKeys.add(key);
    try {
      const inserted = await insertBatch(this.db, batch);
      for (const p of batch) p.resolve(inserted.has(p.vote.clientVoteId));
    } catch (error) {
      for (const p of batch) p.reject(error);
    } finally {
      for (const key of keys) this.busyKeys.delete(key);
      this.inFlight--;
      this.pump();
      if (this.isIdle()) for (const resolve of this.waiters.splice(0)) resolve();
    }
  }

  /**
   * The oldest votes, at most MAX_ROWS rows, never two for the same voter and statement or the
   * same client id, nor one whose voter and statement or id is in a batch still being written:
   * the later one waits for a later batch, so the later vote still wins.
   */
  private takeBatch(): Pending[] {
    const batch: Pending[] = [];
    const rest: Pending[] = [];
    const taken = new Set<string>();
    let rows = 0;
    for (const p of this.queue) {
      const keys = keysOf(p);
      if (
        rows + p.participationIds.length > MAX_ROWS ||
        keys.some((k) => taken.has(k) || this.busyKeys.has(k))
      ) {
        rest.push(p);
        continue;
      }
      for (const key of keys) taken.add(key);
      rows += p.participationIds.length;
      batch.push(p);
    }
    this.queue = rest;
    return batch;
  }
}

const keysOf = (p: Pending) => [
  `${p.participationIds.join(',')}|${p.vote.statementId}`,
  p.vote.clientVoteId,
];

const batchers = new WeakMap<Db, VoteBatcher>();

/**
 * Inserts a voter's first vote on a statement if the statement is approved, belongs to this open
 * session that is not off the record, and one of the given participations is in its round.
 * True when stored (committed); false when not (then nothing was written).
 */
export function insertVoteIfAllowed(
  db: Db,
  vote: NewVote,
  participationIds: readonly string[],
): Promise<boolean> {
  let batcher = batchers.get(db);
  if (!batcher) batchers.set(db, (batcher = new VoteBatcher(db)));
  return batcher.insert(vote, participationIds);
}

/** Resolves once the votes handed to this database's batcher so far are written: a shutdown waits for it before closing the database. */
export function flushVoteBatches(db: Db): Promise<void> {
  return batchers.get(db)?.flushed() ?? Promise.resolve();
}

async function insertBatch(db: Db, batch: Pending[]): Promise<Set<string>> {
  const rows: unknown[][] = [];
  for (const { vote, participationIds } of batch) {
    for (const participationId of participationIds)
      rows.push([
        vote.clientVoteId,
        vote.sessionId,
        vote.statementId,
        participationId,
        vote.value,
        vote.at,
      ]);
  }
  const query =
    db.dialect === 'postgres'
      ? // One array per column: the same six parameters and SQL text whatever the batch size.
        CompiledQuery.raw(
          batchSql('postgres', 0),
          Array.from({ length: COLUMNS }, (_, c) => rows.map((r) => r[c])),
        )
      : CompiledQuery.raw(batchSql('sqlite', rows.length), rows.flat());
  const result = await db.kysely.executeQuery<{ client_vote_id: string }>(query);
  return new Set(result.rows.map((r) => r.client_vote_id));
}

const sqlCache = new Map<string, string>();

/**
 * Written by hand rather than built by Kysely per vote: building the query cost more than running
 * it. The rows come as a VALUES list on SQLite (its columns named column1..column6; the text is
 * kept per size, and the prepared statement by connect.ts) and as UNNEST of six arrays on
 * PostgreSQL (one text to parse and plan, however many rows). ON CONFLICT DO NOTHING leaves out a
 * seen client id or a second vote on a statement without failing the rest of the batch;
 * RETURNING names the votes that went in.
 */
function batchSql(dialect: Dialect, rows: number): string {
  const key = `${dialect}:${rows}`;
  const cached = sqlCache.get(key);
  if (cached) return cached;
  const source =
    dialect === 'postgres'
      ? 'unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::text[]) as v(column1, column2, column3, column4, column5, column6)'
      : `(values ${Array.from({ length: rows }, () => `(${Array(COLUMNS).fill('?').join(', ')})`).join(', ')}) as v`;
  const text = `insert into votes (client_vote_id, session_id, statement_id, participation_id, value, created_at, updated_at)
    select v.column1, st.session_id, st.id, p.id, cast(v.column5 as integer), v.column6, v.column6
    from ${source}
    join statements st on st.id = v.column3 and st.session_id = v.column2
    join sessions s on s.id = st.session_id
    join participations p on p.id = v.column4 and p.round_id = s.round_id
    where st.status = 'approved' and s.status = 'open' and s.attribution_rule <> 'off_record'
      and not exists (select 1 from superseded_votes sv where sv.client_vote_id = v.column1)
    on conflict do nothing
    returning client_vote_id`;
  sqlCache.set(key, text);
  return text;
}
