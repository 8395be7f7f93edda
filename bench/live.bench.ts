/**
 * `npm run bench:live`: 1,000 live clients on one session; the time from a vote's 2xx answer to
 * the analysis that includes it reaching each client. The server runs as `parley serve` in its
 * own process on 127.0.0.1; the clients are plain http.request streams in this process.
 * Two scenarios per database: a quiet room (each measured vote alone: the analysis starts at
 * once) and a busy room (others vote ~10 times a second meanwhile, so recomputations run at
 * their 250 ms interval). The headline p50/p95 are the busy room's, the worse case.
 * Measures SQLite, and PostgreSQL too when DATABASE_URL points to one. Ends with one JSON line.
 *
 * File descriptors: 1,000 clients need ~1,000 sockets here and as many in the server. With a low
 * `ulimit -n` (often 1024) connections fail with EMFILE: raise it first (`ulimit -n 4096`).
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createTestDatabase } from '../test/support/databases.ts';
import { seedBenchRoom, type BenchRoom } from './support/room.ts';
import { startServerProcess } from './support/server.ts';
import { openEventStream, type EventStream, type SseEvent } from './support/sse-client.ts';

const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_LIVE_ROUNDS ?? 20);
const BACKGROUND_VOTES_PER_S = 10;
const CONNECT_BATCH = 100;
const VOTERS = 36;
const STATEMENTS = 30;
const PRE_VOTED = 24;
// Statements nobody has voted on yet: the background votes on some, each scenario measures on its own.
const BACKGROUND_STATEMENTS = [24, 25, 26];
const WARM_UP_STATEMENT = 27;
const QUIET_STATEMENT = 28;
const BUSY_STATEMENT = 29;

interface Figures {
  p50_ms: number;
  p95_ms: number;
  max_ms: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const round1 = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function connectAll(url: string, cookie: string, agent: http.Agent): Promise<EventStream[]> {
  const streams: EventStream[] = [];
  for (let i = 0; i < CLIENTS; i += CONNECT_BATCH) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - i) }, () =>
        openEventStream(url, { cookie, agent }),
      ),
    );
    for (const s of batch)
      if (s.status !== 200) throw new Error(`a live client got HTTP ${s.status}`);
    streams.push(...batch);
  }
  return streams;
}

/**
 * Votes are sent from a worker thread: this thread is busy reading a thousand streams, and a
 * vote's answer must be timed when it arrives, not when this thread gets round to it.
 */
const VOTER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ id, url, headers, body }) => {
  try {
    const res = await fetch(url, { method: 'POST', headers, body });
    const answeredAt = performance.timeOrigin + performance.now();
    parentPort.postMessage({ id, status: res.status, answeredAt, text: await res.text() });
  } catch (error) {
    parentPort.postMessage({ id, status: 0, answeredAt: 0, text: String(error) });
  }
});`;

class Voter {
  private readonly worker = new Worker(VOTER_SOURCE, { eval: true });
  private readonly pending = new Map<
    number,
    (reply: { status: number; answeredAt: number; text: string }) => void
  >();
  private nextId = 0;

  constructor() {
    this.worker.on(
      'message',
      (reply: { id: number; status: number; answeredAt: number; text: string }) => {
        this.pending.get(reply.id)?.(reply);
        this.pending.delete(reply.id);
      },
    );
  }

  /** Casts (or changes) a vote; resolves with the time its 2xx answer arrived (ms since the epoch). */
  async cast(
    baseUrl: string,
    room: BenchRoom,
    voter: number,
    statement: number,
    value: number,
  ): Promise<number> {
    const id = this.nextId++;
    const reply = await new Promise<{ status: number; answeredAt: number; text: string }>(
      (resolve) => {
        this.pending.set(id, resolve);
        this.worker.postMessage({
          id,
          url: `${baseUrl}/api/v1/sessions/${room.sessionId}/votes`,
          headers: { 'content-type': 'application/json', ...room.voters[voter].headers },
          body: JSON.stringify({
            clientVoteId: randomUUID(),
            statementId: room.statementIds[statement],
            value,
          }),
        });
      },
    );
    if (reply.status !== 201 && reply.status !== 200)
      throw new Error(`vote answered ${reply.status}: ${reply.text}`);
    return reply.answeredAt;
  }

  close = () => this.worker.terminate();
}

const voter = new Voter();
const castVote = (
  baseUrl: string,
  room: BenchRoom,
  who: number,
  statement: number,
  value: number,
) => voter.cast(baseUrl, room, who, statement, value);

/**
 * Resolves with each client's arrival time of the first analysis in which the statement has been
 * seen `seen` times. The payload is large: one substring search keeps the clients' own parsing
 * cost out of the figure (the presenter writes statementId, x, y, agrees, disagrees, passes, seen in that order).
 */
function arrivalsOfSeen(
  streams: EventStream[],
  statementId: string,
  seen: number,
  timeoutMs = 30_000,
): Promise<number[]> {
  const anchor = `"statementId":"${statementId}"`;
  const isIt = (e: SseEvent) => {
    if (e.event !== 'analysis') return false;
    // In the statements list, not in a group's representative statements (which come first).
    const at = e.data.indexOf(anchor, e.data.indexOf('"statements":['));
    const match = at < 0 ? null : /"seen":(\d+)/.exec(e.data.slice(at, at + 300));
    return match !== null && Number(match[1]) >= seen;
  };
  return Promise.all(streams.map((s) => s.waitFor(isIt, timeoutMs).then((e) => e.receivedAt)));
}

async function scenario(
  server: string,
  room: BenchRoom,
  streams: EventStream[],
  statement: number,
  label: string,
): Promise<Figures> {
  const latencies: number[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    const arrivals = arrivalsOfSeen(streams, room.statementIds[statement], r);
    const answeredAt = await castVote(server, room, r - 1, statement, r % 2 ? 1 : -1);
    const got = await arrivals;
    for (const at of got) latencies.push(at - answeredAt);
    if (process.env.BENCH_LIVE_DEBUG)
      console.log(
        `  ${label} ${r}: first ${round1(Math.min(...got) - answeredAt)} ms, last ${round1(Math.max(...got) - answeredAt)} ms`,
      );
    // Quiet room: wait out the interval so the next vote is analysed alone.
    await sleep(300);
  }
  latencies.sort((a, b) => a - b);
  return {
    p50_ms: round1(percentile(latencies, 50)),
    p95_ms: round1(percentile(latencies, 95)),
    max_ms: round1(latencies.at(-1)!),
  };
}

/** Others voting (new votes and changes) at a steady rate until stopped. */
function backgroundVoting(server: string, room: BenchRoom): () => Promise<void> {
  let running = true;
  let n = 0;
  const loop = (async () => {
    while (running) {
      const voter = n % VOTERS;
      const statement =
        BACKGROUND_STATEMENTS[Math.floor(n / VOTERS) % BACKGROUND_STATEMENTS.length];
      await castVote(server, room, voter, statement, (n * 7) % 3 === 0 ? -1 : 1);
      n++;
      await sleep(1000 / BACKGROUND_VOTES_PER_S);
    }
  })();
  return async () => {
    running = false;
    await loop;
  };
}

async function measure(dialect: 'sqlite' | 'postgres'): Promise<{ quiet: Figures; busy: Figures }> {
  const database = await createTestDatabase(dialect);
  const room = await seedBenchRoom(database.db, {
    voters: VOTERS,
    statements: STATEMENTS,
    preVoted: PRE_VOTED,
  });
  // The bench's clients share one account and one address, and must outlast the measurement.
  const server = await startServerProcess(database.url, {
    LIVE_STREAMS_PER_USER: String(CLIENTS),
    LIVE_STREAMS_PER_ADDRESS: String(CLIENTS),
    MAX_CONNECTIONS_PER_ADDRESS: '0',
    LIVE_STREAM_LIFETIME_SECONDS: '86400',
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  let streams: EventStream[] = [];
  try {
    streams = await connectAll(
      `${server.url}/api/v1/sessions/${room.sessionId}/events`,
      room.organiserCookie,
      agent,
    );
    // Warm-up: the first analysis is a cold start of the whole session.
    const warm = arrivalsOfSeen(streams, room.statementIds[WARM_UP_STATEMENT], 1, 60_000);
    await castVote(server.url, room, 0, WARM_UP_STATEMENT, 1);
    await warm;
    await sleep(300);

    const quiet = await scenario(server.url, room, streams, QUIET_STATEMENT, 'quiet');
    const stopBackground = backgroundVoting(server.url, room);
    const busy = await scenario(server.url, room, streams, BUSY_STATEMENT, 'busy').finally(
      stopBackground,
    );
    const line = (f: Figures) => `p50 ${f.p50_ms} ms, p95 ${f.p95_ms} ms, max ${f.max_ms} ms`;
    console.log(
      `${dialect.padEnd(8)} ${CLIENTS} clients, ${ROUNDS} votes each: vote 2xx -> analysis at every client`,
    );
    console.log(`  quiet room: ${line(quiet)}`);
    console.log(
      `  busy room (${BACKGROUND_VOTES_PER_S} other votes/s): ${line(busy)}   (target p95 < 1000 ms)`,
    );
    return { quiet, busy };
  } finally {
    for (const s of streams) s.close();
    agent.destroy();
    await server.stop();
    await database.drop();
  }
}

const summary = (m: { quiet: Figures; busy: Figures }) => ({
  clients: CLIENTS,
  p50_ms: m.busy.p50_ms,
  p95_ms: m.busy.p95_ms,
  quiet_p50_ms: m.quiet.p50_ms,
  quiet_p95_ms: m.quiet.p95_ms,
});

async function main() {
  const withPostgres = Boolean(process.env.DATABASE_URL?.startsWith('postgres'));
  console.log(
    `live benchmark: node ${process.version}, ${cpus().length} cores; a room of ${VOTERS} voters x ${STATEMENTS} statements; ` +
      'recomputation at most every 250 ms (a lone vote at once)',
  );
  const sqlite = await measure('sqlite');
  if (!withPostgres) {
    console.log(JSON.stringify(summary(sqlite)));
    return;
  }
  const postgres = await measure('postgres');
  console.log(JSON.stringify({ sqlite: summary(sqlite), postgres: summary(postgres) }));
}

try {
  await main();
} finally {
  await voter.close();
}
