import { expect } from 'vitest';
import { seedBenchRoom, type BenchRoom } from '../../bench/support/room.ts';
import type { Db } from '../../src/server/db/connect.ts';
import { startParley, type ServeProcess } from '../cli/process.ts';
import { checkStored, countStatuses, VotingLoad, waitUntil } from './voting.ts';

/**
 * A fault drill: real `parley serve` processes on one database, voters voting on all of them;
 * the test breaks the database, lets it come back, and expectRecovered() checks what a person
 * relying on Parley needs: no process died, no 500, every 503 said why and when to retry, every
 * acknowledged vote is stored once, and votes are taken again soon after the database is back.
 */

/** How long the drill waits for the first 2xx once the database is back (a bound, not a target). */
const RECOVERY_TIMEOUT_MS = 10_000;
/** The line a server logs when an incident begins (once per incident, not per request). */
const INCIDENT_LOG = /database unavailable:/;
const MAX_INCIDENTS_PER_FAULT = 4;

export interface Drill {
  servers: ServeProcess[];
  room: BenchRoom;
  load: VotingLoad;
  /** Resolves once this many votes have been acknowledged. */
  acknowledged(count: number): Promise<void>;
  /** Resolves once every server has answered at least `count` votes sent after `since` with a 503. */
  refused(since: number, count: number): Promise<void>;
  close(): Promise<void>;
}

export interface Recovery {
  /** ms from the database's return to each server's first 2xx. */
  firstAckMs: number[];
  /** Statuses of the answers that arrived between the fault and the last server's first 2xx. */
  duringFault: Record<number, number>;
  /** Incident lines each server logged. */
  incidentLogs: number[];
  acked: number;
  storedNotAcked: number;
}

export async function startDrill(
  seedDb: Db,
  databaseUrl: string,
  /** Voters vote every paceMs (150 by default); over a minute each stays under the 120 votes a minute limit only at 500 or more. */
  options: { servers: number; voters?: number; paceMs?: number; failover?: boolean },
): Promise<Drill> {
  const room = await seedBenchRoom(seedDb, {
    voters: options.voters ?? 24,
    statements: 400,
    preVoted: 0,
  });
  const starting = Array.from({ length: options.servers }, () =>
    startParley({ DATABASE_URL: databaseUrl, PARLEY_DEMO: 'off' }),
  );
  const started = await Promise.allSettled(starting);
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await Promise.all(servers.map((s) => s.stop()));
    throw failed.reason;
  }
  const load = new VotingLoad(
    servers.map((s) => s.url),
    room,
    options.paceMs,
    options.failover,
  );
  return {
    servers,
    room,
    load,
    acknowledged: (count) =>
      waitUntil(`${count} votes acknowledged`, () => load.acked.length >= count, 60_000).catch(
        (error: Error) => {
          const statuses = JSON.stringify(countStatuses(load.answers));
          throw new Error(`${error.message} (${load.acked.length} were; answers: ${statuses})`);
        },
      ),
    refused: (since, count) =>
      waitUntil(
        `every server answered ${count} votes with 503`,
        () => {
          if (!servers.every(alive)) throw new Error('a server process exited');
          const wrong = load.answers.find((a) => a.status >= 500 && a.status !== 503);
          if (wrong) throw new Error(`a vote was answered ${wrong.status}: ${wrong.body}`);
          return servers.every(
            (_, i) => load.answersSince(since, i).filter((a) => a.status === 503).length >= count,
          );
        },
        60_000,
      ),
    async close() {
      await load.stop().catch(() => undefined);
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}

const alive = (s: ServeProcess) => s.child.exitCode === null && s.child.signalCode === null;

/** Waits for every server to take votes again after `backAt`, stops the load and checks it all. */
export async function expectRecovered(
  drill: Drill,
  seedDb: Db,
  faultAt: number,
  backAt: number,
): Promise<Recovery> {
  const { load, servers } = drill;
  const firstAck = (server: number) =>
    load.answersSince(backAt, server).find((a) => a.status >= 200 && a.status < 300);
  for (const [i, server] of servers.entries())
    await waitUntil(
      `server ${i} takes votes again after the database came back\n${server.output().slice(-3000)}`,
      () => !alive(server) || firstAck(i) !== undefined,
      RECOVERY_TIMEOUT_MS,
    );
  await load.stop();
  const lastFirstAck = Math.max(...servers.map((_, i) => firstAck(i)?.answeredAt ?? Infinity));
  const duringFault = load.answers.filter(
    (a) => a.answeredAt >= faultAt && a.answeredAt < lastFirstAck,
  );

  expect(servers.map((s) => (alive(s) ? 'alive' : `exited:\n${s.output().slice(-3000)}`))).toEqual(
    servers.map(() => 'alive'),
  );
  // Never a 500 nor a dropped connection: every refusal is a 503 that says why and when to retry.
  const bad = load.answers.filter((a) => a.status !== 503 && (a.status < 200 || a.status >= 300));
  expect(bad.map((a) => `${a.status} ${a.body ?? ''}`.slice(0, 300))).toEqual([]);
  expect(load.answers.filter((a) => a.status === 503 && !a.wellFormed503)).toEqual([]);
  const stored = await checkStored(seedDb, drill.room.sessionId, load.acked);
  expect(stored.wrong).toEqual([]);
  const incidentLogs = servers.map(
    (s) =>
      s
        .output()
        .split('\n')
        .filter((l) => INCIDENT_LOG.test(l)).length,
  );
  // Logged once per incident, not once per refused request. One fault may make a few incidents:
  // a connection cut under a long transaction fails on its next statement, after others succeeded.
  for (const count of incidentLogs) expect(count).toBeLessThanOrEqual(MAX_INCIDENTS_PER_FAULT);
  return {
    firstAckMs: servers.map((_, i) => Math.round(firstAck(i)!.answeredAt - backAt)),
    duringFault: countStatuses(duringFault),
    incidentLogs,
    acked: load.acked.length,
    storedNotAcked: stored.storedNotAcked,
  };
}
