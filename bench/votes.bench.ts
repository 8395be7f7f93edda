/**
 * `npm run bench:votes`: votes per second and p50/p99 latency of POST /api/v1/sessions/{id}/votes
 * over HTTP on 127.0.0.1, beside a no-op route measured in the same run (the ceiling of this
 * machine: HTTP and Fastify, no database). The server runs in its own process with the live hub
 * (every vote schedules the debounced analysis, as in production); a small HTTP client
 * (support/http-load.ts, the same for every route) drives it from this one with 50 keep-alive
 * connections for ~10 s, sending requests built before the clock starts. Every request is a new
 * vote: a fresh clientVoteId from a voter (round-robin over many signed-in participants, so no
 * one reaches the 120 votes a minute limit) on a statement, walking (voter, statement) pairs so
 * votes are new, then changes.
 * SQLite always; PostgreSQL too when DATABASE_URL points to one (a throwaway database is made
 * and dropped). Ends with one JSON line.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Dialect } from '../src/server/db/connect.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import {
  prebuilt,
  rawRequest,
  rawRequestText,
  runLoad,
  type LoadResult,
} from './support/http-load.ts';
import { seedBenchRoom, type BenchRoom } from './support/room.ts';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 10);
const VOTERS = Number(process.env.BENCH_VOTERS ?? 1000);
const STATEMENTS = 200;
/** Requests built ahead for each timed run: more than this machine answers in DURATION_S. */
const MAX_REQUESTS = DURATION_S * 20_000;
const RUN_TS = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
const SERVER = fileURLToPath(new URL('./support/vote-server.ts', import.meta.url));

interface Figures {
  votes_per_s: number;
  p50_ms: number;
  p99_ms: number;
  ceiling_per_s: number;
  /** POST /bench/noop with a vote's cookie, CSRF header and JSON body: everything a vote costs but the vote itself. */
  vote_shaped_ceiling_per_s: number;
  /** Where the vote shape's cost comes from: GET /bench/noop with a voter's cookie (the actor, from the cache), and POST with the JSON body but no cookie. */
  get_with_cookie_per_s: number;
  post_json_without_cookie_per_s: number;
  non_2xx: number;
  stored_votes: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function startVoteServer(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    // BENCH_PROFILE_DIR=dir writes a CPU profile of the server process there.
    const profile = process.env.BENCH_PROFILE_DIR
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
      : [];
    const child = spawn(process.execPath, [...profile, RUN_TS, SERVER], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1], child });
    });
    child.once('exit', (code) =>
      reject(new Error(`the bench server exited with code ${code}: ${output}`)),
    );
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });

/** One new vote per request: pairs (voter, statement) in order, so each voter's votes are spread over time. */
function voteRequests(room: BenchRoom, path = `/api/v1/sessions/${room.sessionId}/votes`) {
  return prebuilt(MAX_REQUESTS, (n) => {
    const voter = room.voters[n % room.voters.length];
    const statementId =
      room.statementIds[Math.floor(n / room.voters.length) % room.statementIds.length];
    const body = JSON.stringify({
      clientVoteId: randomUUID(),
      statementId,
      value: [1, -1, 0][n % 3],
    });
    return rawRequestText(
      'POST',
      path,
      { 'content-type': 'application/json', ...voter.headers },
      body,
    );
  });
}

function describe(label: string, r: LoadResult) {
  const perS = r.ok / r.durationS;
  console.log(
    `  ${label.padEnd(32)} ${round1(perS)} req/s (2xx), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, non-2xx ${r.non2xx}, errors ${r.errors}`,
  );
  return perS;
}

async function measure(dialect: Dialect): Promise<Figures> {
  console.log(`\n[${dialect}] seeding ${VOTERS} signed-in voters and ${STATEMENTS} statements...`);
  const database = await createTestDatabase(dialect);
  try {
    const room = await seedBenchRoom(database.db, {
      voters: VOTERS,
      statements: STATEMENTS,
      preVoted: 0,
    });
    const server = await startVoteServer(database.url);
    try {
      const load = { url: server.url, connections: CONNECTIONS };
      const getNoop = rawRequest('GET', '/bench/noop', {});
      // A short warm-up (JIT, connection pools, prepared statements).
      await runLoad({ ...load, durationS: 2, request: () => getNoop });
      const noop = await runLoad({ ...load, durationS: DURATION_S, request: () => getNoop });
      const shaped = await runLoad({
        ...load,
        durationS: DURATION_S,
        request: voteRequests(room, '/bench/noop'),
      });
      const votes = await runLoad({ ...load, durationS: DURATION_S, request: voteRequests(room) });
      const withCookie = rawRequest('GET', '/bench/noop', {
        cookie: room.voters[0].headers.cookie,
      });
      const getWithCookie = await runLoad({
        ...load,
        durationS: DURATION_S,
        request: () => withCookie,
      });
      const json = rawRequest(
        'POST',
        '/bench/noop',
        { 'content-type': 'application/json' },
        JSON.stringify({ clientVoteId: randomUUID(), statementId: room.statementIds[0], value: 1 }),
      );
      const postJson = await runLoad({ ...load, durationS: DURATION_S, request: () => json });
      const ceiling = describe('no-op', noop);
      const cookieShape = describe('no-op, GET with cookie', getWithCookie);
      const jsonShape = describe('no-op, POST JSON without cookie', postJson);
      const shapedCeiling = describe('no-op, vote-shaped', shaped);
      const perS = describe('votes', votes);
      const stored = await database.db.kysely
        .selectFrom('votes')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      console.log(
        `  stored votes: ${Number(stored.n)} (2xx answers: ${votes.ok}; all new pairs while under ${VOTERS * STATEMENTS})`,
      );
      return {
        votes_per_s: round1(perS),
        p50_ms: votes.p50Ms,
        p99_ms: votes.p99Ms,
        ceiling_per_s: round1(ceiling),
        vote_shaped_ceiling_per_s: round1(shapedCeiling),
        get_with_cookie_per_s: round1(cookieShape),
        post_json_without_cookie_per_s: round1(jsonShape),
        non_2xx: votes.non2xx + votes.errors,
        stored_votes: Number(stored.n),
      };
    } finally {
      await stop(server.child);
    }
  } finally {
    await database.drop();
  }
}

// BENCH_DIALECTS=postgres (or sqlite) measures one of them only.
const dialects = (
  process.env.DATABASE_URL?.startsWith('postgres')
    ? (['sqlite', 'postgres'] as Dialect[])
    : (['sqlite'] as Dialect[])
).filter((d) => !process.env.BENCH_DIALECTS || process.env.BENCH_DIALECTS.split(',').includes(d));
const figures: Partial<Record<Dialect, Figures>> = {};
for (const dialect of dialects) figures[dialect] = await measure(dialect);
console.log(`\nTargets: votes/s at least half the no-op ceiling, p99 under 50 ms.`);
for (const [dialect, f] of Object.entries(figures)) {
  const share = (x: number) => `${round1((100 * x) / f.ceiling_per_s)}%`;
  console.log(
    `  ${dialect}: ${f.votes_per_s} votes/s = ${share(f.votes_per_s)} of ${f.ceiling_per_s}/s (the vote-shaped no-op: ${share(f.vote_shaped_ceiling_per_s)}); p99 ${f.p99_ms} ms`,
  );
}
console.log(JSON.stringify(figures));
