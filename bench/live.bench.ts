/**
 * `npm run bench:live`: how often a room's analysis is released while it votes, and how fast each
 * release reaches the room. Releases wait until at least k voters have voted or changed since the
 * last one (docs/confidentiality.md), so the figure that matters is their cadence: for rooms of 10,
 * 35 and 1,000 voters voting at full speed (each voter one vote every 2 to 4 s, on statements in a
 * random order), the releases per minute, the interval between releases, the share of votes the
 * latest release shows, and the time from a release's first client to its last (fan-out) over
 * `BENCH_LIVE_CLIENTS` live streams. The server runs as `parley serve` in its own process.
 * SQLite, and PostgreSQL too when DATABASE_URL points to one. Ends with one JSON line.
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { createTestDatabase } from '../test/support/databases.ts';
import { seedBenchRoom, type BenchRoom } from './support/room.ts';
import { startServerProcess } from './support/server.ts';
import { openEventStream, type EventStream } from './support/sse-client.ts';

const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 200);
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 60);
const ROOMS = (process.env.BENCH_LIVE_VOTERS ?? '10,35,1000').split(',').map(Number);
const STATEMENTS = 20;
const K = 5;

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Figures {
  voters: number;
  votes: number;
  releases: number;
  releases_per_min: number;
  interval_p50_s: number;
  interval_p95_s: number;
  shown_share: number;
  held_back: number;
  fanout_p95_ms: number;
}

/** Every voter votes on the statements in its own random order, one vote every 2 to 4 s. */
async function voteFor(server: string, room: BenchRoom, voter: number, until: number) {
  const order = [...room.statementIds.keys()].sort(() => Math.random() - 0.5);
  await sleep(Math.random() * 3000);
  for (const statement of order) {
    if (Date.now() > until) return 0;
    const res = await fetch(`${server}/api/v1/sessions/${room.sessionId}/votes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...room.voters[voter].headers,
      },
      body: JSON.stringify({
        clientVoteId: randomUUID(),
        statementId: room.statementIds[statement],
        value: [1, -1, 0][(voter + statement) % 3],
      }),
    });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`vote answered ${res.status}: ${await res.text()}`);
    await sleep(2000 + Math.random() * 2000);
  }
  return 0;
}

async function measure(dialect: 'sqlite' | 'postgres', voters: number): Promise<Figures> {
  const database = await createTestDatabase(dialect);
  const room = await seedBenchRoom(database.db, {
    voters,
    statements: STATEMENTS,
    preVoted: 0,
  });
  await database.db.kysely.updateTable('series').set({ k_anonymity: K }).execute();
  const server = await startServerProcess(database.url, {
    LIVE_STREAMS_PER_USER: String(CLIENTS),
    LIVE_STREAMS_PER_ADDRESS: String(CLIENTS),
    MAX_CONNECTIONS_PER_ADDRESS: '0',
    LIVE_STREAM_LIFETIME_SECONDS: '86400',
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const streams: EventStream[] = [];
  try {
    const url = `${server.url}/api/v1/sessions/${room.sessionId}/events`;
    for (let i = 0; i < CLIENTS; i += 50)
      streams.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(50, CLIENTS - i) }, () =>
            openEventStream(url, { cookie: room.organiserCookie, agent }),
          ),
        )),
      );
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(room.voters.map((_, v) => voteFor(server.url, room, v, until)));
    await sleep(2500); // the last release
    const releases = (s: EventStream) => s.events.filter((e) => e.event === 'analysis');
    const first = releases(streams[0]);
    const times = first.map((e) => e.receivedAt);
    const intervals = times
      .slice(1)
      .map((t, i) => (t - times[i]) / 1000)
      .sort((a, b) => a - b);
    const fanout = first
      .map((e) => {
        const arrivals = streams.map((s) => s.events.find((x) => x.id === e.id)?.receivedAt ?? NaN);
        return Math.max(...arrivals) - Math.min(...arrivals);
      })
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const stored = await database.db.kysely
      .selectFrom('votes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const last = first.length ? JSON.parse(first.at(-1)!.data) : null;
    const votes = Number(stored.n);
    const span = (times.at(-1)! - times[0]) / 60_000 || 1;
    return {
      voters,
      votes,
      releases: first.length,
      releases_per_min: Math.round((first.length / Math.max(span, SECONDS / 60)) * 10) / 10,
      interval_p50_s: Math.round(percentile(intervals, 50) * 10) / 10,
      interval_p95_s: Math.round(percentile(intervals, 95) * 10) / 10,
      shown_share: last ? Math.round((last.counts.votes / votes) * 1000) / 1000 : 0,
      held_back: last?.heldBack ?? votes,
      fanout_p95_ms: Math.round(percentile(fanout, 95)),
    };
  } finally {
    for (const s of streams) s.close();
    agent.destroy();
    await server.stop();
    await database.drop();
  }
}

async function main() {
  const dialects: ('sqlite' | 'postgres')[] = process.env.DATABASE_URL?.startsWith('postgres')
    ? ['sqlite', 'postgres']
    : ['sqlite'];
  console.log(
    `live benchmark: node ${process.version}, ${cpus().length} cores; k = ${K}, ${STATEMENTS} statements, ` +
      `each voter one vote every 2-4 s for ${SECONDS} s, ${CLIENTS} live clients`,
  );
  const all: Record<string, Figures[]> = {};
  for (const dialect of dialects) {
    all[dialect] = [];
    for (const voters of ROOMS) {
      const f = await measure(dialect, voters);
      all[dialect].push(f);
      console.log(
        `${dialect.padEnd(8)} ${String(voters).padStart(5)} voters: ${f.releases} releases (${f.releases_per_min}/min), ` +
          `interval p50 ${f.interval_p50_s} s p95 ${f.interval_p95_s} s; latest shows ${(f.shown_share * 100).toFixed(1)}% ` +
          `of ${f.votes} votes (${f.held_back} held back); fan-out p95 ${f.fanout_p95_ms} ms`,
      );
    }
  }
  console.log(JSON.stringify(all));
}

await main();
