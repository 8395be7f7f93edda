/**
 * `npm run bench:soak`: 1,000 live clients churning against one `parley serve` process (each
 * holds its stream for 1-5 s, closes it and opens a new one) while a few voters vote, for
 * BENCH_SOAK_S seconds (120 by default). Every 10 s it prints the server's resident memory,
 * its open file descriptors, the streams it holds (from /metrics) and the connections made so
 * far: flat figures mean nothing leaks. SQLite; PostgreSQL too when DATABASE_URL points to one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { createTestDatabase } from '../test/support/databases.ts';
import { startServerProcess } from './support/server.ts';
import { seedBenchRoom } from './support/room.ts';
import { openEventStream } from './support/sse-client.ts';

const CLIENTS = Number(process.env.BENCH_SOAK_CLIENTS ?? 1000);
const DURATION_S = Number(process.env.BENCH_SOAK_S ?? 120);
const SAMPLE_S = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function residentMb(pid: number): number {
  const line = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round(Number(line?.[1] ?? 0) / 1024);
}
const openFds = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

async function soak(dialect: 'sqlite' | 'postgres') {
  const database = await createTestDatabase(dialect);
  const room = await seedBenchRoom(database.db, { voters: 20, statements: 400, preVoted: 0 });
  const server = await startServerProcess(database.url, {
    LIVE_STREAMS_PER_USER: String(CLIENTS * 2),
    LIVE_STREAMS_PER_ADDRESS: String(CLIENTS * 2),
    MAX_CONNECTIONS_PER_ADDRESS: '0',
  });
  const pid = server.child.pid!;
  const url = `${server.url}/api/v1/sessions/${room.sessionId}/events`;
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  let running = true;
  let connections = 0;
  let refused = 0;
  let events = 0;
  const client = async () => {
    while (running) {
      const stream = await openEventStream(url, { cookie: room.organiserCookie, agent }).catch(
        () => null,
      );
      connections++;
      if (!stream || stream.status !== 200) {
        refused++;
        stream?.close();
        await sleep(1000);
        continue;
      }
      await sleep(1000 + Math.random() * 4000);
      events += stream.events.length;
      stream.close();
    }
  };
  const voting = (async () => {
    let n = 0;
    while (running) {
      const voter = room.voters[n % room.voters.length];
      const statementId = room.statementIds[Math.floor(n / room.voters.length) % 400];
      await fetch(`${server.url}/api/v1/sessions/${room.sessionId}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...voter.headers },
        body: JSON.stringify({ clientVoteId: crypto.randomUUID(), statementId, value: 1 }),
      }).catch(() => undefined);
      n++;
      await sleep(100);
    }
  })();
  const clients = Array.from({ length: CLIENTS }, (_, i) => sleep(i * 5).then(client));
  const streamsOpen = async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    return Number(/^parley_live_streams (\d+)$/m.exec(text)?.[1] ?? -1);
  };
  console.log(`\n[${dialect}] ${CLIENTS} churning live clients for ${DURATION_S} s`);
  console.log('  t (s)  rss (MB)  fds  streams  connections  events');
  const samples: { rss: number; fds: number }[] = [];
  const started = performance.now();
  for (let t = 0; t <= DURATION_S; t += SAMPLE_S) {
    await sleep(started + t * 1000 - performance.now());
    const sample = { rss: residentMb(pid), fds: openFds(pid) };
    samples.push(sample);
    console.log(
      `  ${String(t).padStart(5)}  ${String(sample.rss).padStart(8)}  ${String(sample.fds).padStart(4)}  ${String(await streamsOpen()).padStart(7)}  ${String(connections).padStart(11)}  ${events}`,
    );
  }
  running = false;
  await Promise.all([...clients, voting]);
  agent.destroy();
  await sleep(3000);
  const after = { rss: residentMb(pid), fds: openFds(pid), streams: await streamsOpen() };
  console.log(
    `  after the clients left: rss ${after.rss} MB, fds ${after.fds}, streams ${after.streams}`,
  );
  await server.stop();
  await database.drop();
  const settled = samples.slice(1);
  return {
    connections,
    refused,
    rss_mb: {
      first: settled[0]?.rss,
      last: settled.at(-1)?.rss,
      max: Math.max(...settled.map((s) => s.rss)),
    },
    fds: { first: settled[0]?.fds, last: settled.at(-1)?.fds, after: after.fds },
  };
}

const dialects: ('sqlite' | 'postgres')[] = process.env.DATABASE_URL?.startsWith('postgres')
  ? ['sqlite', 'postgres']
  : ['sqlite'];
const figures: Record<string, unknown> = {};
for (const dialect of dialects.filter(
  (d) => !process.env.BENCH_DIALECTS || process.env.BENCH_DIALECTS.split(',').includes(d),
))
  figures[dialect] = await soak(dialect);
console.log(JSON.stringify(figures));
