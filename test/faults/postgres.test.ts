import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBenchRoom } from '../../bench/support/room.ts';
import { openEventStream, type EventStream } from '../../bench/support/sse-client.ts';
import type { Db } from '../../src/server/db/connect.ts';
import { expectRecovered, startDrill, type Drill } from './drill.ts';
import { havePostgresBinaries, startPgCluster, type PgCluster } from './pg-cluster.ts';
import { waitUntil } from './voting.ts';

/**
 * PostgreSQL lost under two server processes and continuous voting: its backends terminated,
 * the server stopped and started again, restarted. Every process survives, answers 503 with
 * Retry-After meanwhile, takes votes again by itself, keeps one LISTEN connection per channel,
 * and live events flow between the processes again. On a private cluster that the test may stop.
 */
const CHANNELS = ['parley_live', 'parley_grants'];

describe.skipIf(!havePostgresBinaries())('[postgres] faults of the database under voting', () => {
  let cluster: PgCluster;
  let databases = 0;
  beforeAll(async () => {
    cluster = await startPgCluster();
  });
  afterAll(() => cluster?.destroy());

  /** A fresh database with a voting room, two server processes, and live streams on both. */
  async function drillOn(): Promise<{ drill: Drill; db: Db; name: string; live: LiveProbe }> {
    const name = `faults_${++databases}`;
    const { url, db } = await cluster.createDatabase(name);
    const probeRoom = await seedBenchRoom(db, { voters: 6, statements: 1, preVoted: 0 });
    const drill = await startDrill(db, url, { servers: 2 });
    const streams = await Promise.all(
      drill.servers.map((s) =>
        openEventStream(`${s.url}api/v1/sessions/${probeRoom.sessionId}/events`, {
          cookie: probeRoom.organiserCookie,
        }),
      ),
    );
    return { drill, db, name, live: { room: probeRoom, streams } };
  }

  async function finish(
    context: Awaited<ReturnType<typeof drillOn>>,
    faultAt: number,
    backAt: number,
    label: string,
  ) {
    const { drill, db, name, live } = context;
    try {
      const recovery = await expectRecovered(drill, db, faultAt, backAt);
      await expectOneListenerPerChannel(name, drill.servers.length);
      await expectLiveEventsCrossProcesses(drill, live);
      console.log(`${label}: ${JSON.stringify(recovery)}`);
    } finally {
      for (const s of live.streams) s.close();
      await drill.close();
      await db.close();
    }
  }

  async function expectOneListenerPerChannel(database: string, processes: number) {
    const listeners = async () =>
      (
        await cluster.query(
          `select query, count(*)::int as n from pg_stat_activity
           where datname = $1 and query like 'LISTEN %' group by query order by query`,
          [database],
        )
      ).rows.map((r: { query: string; n: number }) => `${r.query}: ${r.n}`);
    const expected = CHANNELS.map((c) => `LISTEN ${c}: ${processes}`).sort();
    await waitUntil(
      'one LISTEN connection per channel and process',
      async () => JSON.stringify(await listeners()) === JSON.stringify(expected),
      10_000,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}: ${JSON.stringify(await listeners())}`);
    });
  }

  it('survives pg_terminate_backend of every server connection mid-vote', async () => {
    const context = await drillOn();
    await context.drill.acknowledged(150);
    const faultAt = performance.now();
    await cluster.query(
      'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [context.name],
    );
    // The database is back at once: only the connections were lost.
    await finish(context, faultAt, performance.now(), 'terminate backends');
  }, 120_000);

  it('survives PostgreSQL stopped, then started again', async () => {
    const context = await drillOn();
    await context.drill.acknowledged(150);
    const faultAt = performance.now();
    await cluster.stop();
    try {
      await context.drill.refused(faultAt, 20);
    } finally {
      await cluster.start();
    }
    await finish(context, faultAt, performance.now(), 'stop and start');
  }, 120_000);

  it('survives pg_ctl restart -m fast', async () => {
    const context = await drillOn();
    await context.drill.acknowledged(150);
    const faultAt = performance.now();
    await cluster.restart();
    await finish(context, faultAt, performance.now(), 'restart');
  }, 120_000);
});

interface LiveProbe {
  room: Awaited<ReturnType<typeof seedBenchRoom>>;
  /** One stream of the probe session per server process, opened before the fault. */
  streams: EventStream[];
}

/**
 * Nobody votes in the probe session but these two votes, each on a different process, so the
 * other process's stream (opened before the fault) can only hear of it through NOTIFY.
 */
async function expectLiveEventsCrossProcesses(drill: Drill, live: LiveProbe) {
  const [statementId] = live.room.statementIds;
  // Releases need k = 3 voters: three vote through one process, and the other must hear of it.
  const total = (data: string) =>
    (JSON.parse(data) as { statements: { totals: { seen: number } | null }[] }).statements.reduce(
      (n, s) => n + (s.totals?.seen ?? 0),
      0,
    );
  for (const [voters, via, heardOn] of [
    [[0, 1, 2], 1, 0],
    [[3, 4, 5], 0, 1],
  ] as const) {
    for (const voter of voters) {
      const res = await fetch(
        `${drill.servers[via].url}api/v1/sessions/${live.room.sessionId}/votes`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...live.room.voters[voter].headers },
          body: JSON.stringify({ clientVoteId: randomUUID(), statementId, value: 1 }),
        },
      );
      expect(res.status).toBe(201);
    }
    await live.streams[heardOn].waitFor(
      (e) => e.event === 'vote-counts' && total(e.data) === voters[2] + 1,
      15_000,
    );
  }
}
