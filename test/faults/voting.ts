import { randomUUID } from 'node:crypto';
import type { BenchRoom } from '../../bench/support/room.ts';
import type { Db } from '../../src/server/db/connect.ts';

/**
 * Voters voting continuously against one or more `parley serve` processes, as a browser would:
 * a vote answered 503 (or not answered) is sent again with the same clientVoteId; every answer
 * is kept, so a test can say what was answered while the database was away.
 */
export interface Answer {
  /** performance.now() when the vote was sent. */
  sentAt: number;
  /** performance.now() when the answer (or the failure) arrived. */
  answeredAt: number;
  server: number;
  /** The HTTP status, or 0 when the request got no answer (connection refused or reset). */
  status: number;
  /** For a 503: Retry-After is a number of seconds and the body a problem saying the database is unavailable or the server is shutting down. */
  wellFormed503?: boolean;
  body?: string;
  /** For status 0: the socket error, e.g. ECONNREFUSED (nothing was sent) or ECONNRESET (the request was lost). */
  error?: string;
}

export interface Acked {
  clientVoteId: string;
  value: number;
}

const RETRY_MS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until check() is true; throws after timeoutMs, naming what was awaited. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what}`);
    await sleep(20);
  }
}

export class VotingLoad {
  readonly answers: Answer[] = [];
  readonly acked: Acked[] = [];
  private stopping = false;
  private failure: unknown = null;
  private readonly voting: Promise<void>;

  /**
   * Voter i votes on server i % servers.length, one vote every paceMs, until stopped. With
   * failover, as behind a load balancer, a vote refused or not answered is sent to the next server.
   */
  constructor(
    private readonly servers: string[],
    private readonly room: BenchRoom,
    paceMs = 150,
    private readonly failover = false,
  ) {
    this.voting = Promise.all(room.voters.map((_, i) => this.voter(i, paceMs))).then(
      () => undefined,
      (error: unknown) => void (this.failure = error),
    );
  }

  /** Answers that arrived after `since` (performance.now()), by server. */
  answersSince(since: number, server?: number): Answer[] {
    return this.answers.filter(
      (a) => a.answeredAt >= since && (server === undefined || a.server === server),
    );
  }

  /** Lets each voter finish the request it has in flight, then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.voting;
    if (this.failure) throw this.failure;
  }

  private async voter(index: number, paceMs: number) {
    let server = index % this.servers.length;
    for (const statementId of this.room.statementIds) {
      const vote = { clientVoteId: randomUUID(), statementId, value: [1, -1, 0][index % 3] };
      for (; ; server = this.failover ? (server + 1) % this.servers.length : server) {
        if (this.stopping) return;
        const answer = await this.send(server, index, vote);
        this.answers.push(answer);
        if (answer.status >= 200 && answer.status < 300) {
          this.acked.push({ clientVoteId: vote.clientVoteId, value: vote.value });
          break;
        }
        if (answer.status !== 503 && answer.status !== 0) break;
        await sleep(RETRY_MS);
      }
      await sleep(paceMs);
    }
    throw new Error(`voter ${index} ran out of statements: seed more`);
  }

  private async send(
    server: number,
    voter: number,
    vote: { clientVoteId: string; statementId: string; value: number },
  ): Promise<Answer> {
    const sentAt = performance.now();
    try {
      const res = await fetch(
        `${this.servers[server]}api/v1/sessions/${this.room.sessionId}/votes`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...this.room.voters[voter].headers },
          body: JSON.stringify(vote),
          signal: AbortSignal.timeout(30_000),
        },
      );
      const body = await res.text();
      const answeredAt = performance.now();
      if (res.status < 300) return { sentAt, answeredAt, server, status: res.status };
      const answer: Answer = { sentAt, answeredAt, server, status: res.status, body };
      if (res.status === 503) {
        const problem = JSON.parse(body) as { status?: number; detail?: string };
        answer.wellFormed503 =
          /^\d+$/.test(res.headers.get('retry-after') ?? '') &&
          res.headers.get('content-type')?.startsWith('application/problem+json') === true &&
          problem.status === 503 &&
          /database is unavailable|server is shutting down/.test(problem.detail ?? '');
      }
      return answer;
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const code = cause?.code ?? cause?.message ?? String(error);
      return { sentAt, answeredAt: performance.now(), server, status: 0, error: code };
    }
  }
}

/** How many answers had each status, e.g. { 201: 950, 503: 120 }. */
export function countStatuses(answers: Answer[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
}

/**
 * Acknowledged votes that are not stored exactly as acknowledged (missing, another value, or also
 * kept as superseded), and how many stored votes were never acknowledged (answered 503 after
 * their commit, and not retried before the load stopped).
 */
export async function checkStored(
  db: Db,
  sessionId: string,
  acked: Acked[],
): Promise<{ wrong: string[]; storedNotAcked: number }> {
  const rows = await db.kysely
    .selectFrom('votes')
    .select(['client_vote_id', 'value'])
    .where('session_id', '=', sessionId)
    .execute();
  const superseded = new Set(
    (await db.kysely.selectFrom('superseded_votes').select('client_vote_id').execute()).map(
      (r) => r.client_vote_id,
    ),
  );
  const stored = new Map(rows.map((r) => [r.client_vote_id, r.value]));
  const wrong = acked
    .filter((a) => stored.get(a.clientVoteId) !== a.value || superseded.has(a.clientVoteId))
    .map((a) => a.clientVoteId);
  const ackedIds = new Set(acked.map((a) => a.clientVoteId));
  return { wrong, storedNotAcked: rows.filter((r) => !ackedIds.has(r.client_vote_id)).length };
}
