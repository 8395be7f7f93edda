import { afterEach, describe, expect, it } from 'vitest';
import { seedBenchRoom } from '../../bench/support/room.ts';
import { openEventStream } from '../../bench/support/sse-client.ts';
import { createTestDatabase, testDialects } from '../support/databases.ts';
import { startDrill } from './drill.ts';
import { checkStored, countStatuses } from './voting.ts';

/**
 * SIGTERM to one of two server processes while voters vote on both, behind a load balancer (a
 * vote refused or not answered goes to the other process). The process stops accepting, answers
 * what it has in flight (or 503 with Connection: close), ends its live streams with a reconnect
 * hint, writes the votes it queued, and exits 0 within SHUTDOWN_TIMEOUT_SECONDS. No vote is
 * lost to a reset connection; every acknowledged vote is stored once.
 */
const SHUTDOWN_BOUND_MS = 10_000;
/** After the server has closed, the process still has to end (threads, file handles): seconds on a loaded machine. */
const PROCESS_EXIT_SLACK_MS = 5_000;
/** Refused before anything was sent: the load balancer tries the next process, nothing lost. */
const NOT_SENT = new Set(['ECONNREFUSED']);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] SIGTERM mid-vote`, () => {
    it('answers in flight, ends streams with a hint, loses no vote and exits 0 in time', async () => {
      const database = await createTestDatabase(dialect);
      cleanups.push(() => database.drop());
      const probe = await seedBenchRoom(database.db, { voters: 1, statements: 1, preVoted: 0 });
      const drill = await startDrill(database.db, database.url, { servers: 2, failover: true });
      cleanups.push(() => drill.close());
      const [leaving, staying] = drill.servers;
      const stream = await openEventStream(
        `${leaving.url}api/v1/sessions/${probe.sessionId}/events`,
        { cookie: probe.organiserCookie },
      );
      cleanups.push(() => stream.close());
      await drill.acknowledged(150);

      const termAt = performance.now();
      const exited = new Promise<number | null>((resolve) =>
        leaving.child.once('exit', (code) => resolve(code)),
      );
      leaving.child.kill('SIGTERM');
      const code = await exited;
      const exitMs = Math.round(performance.now() - termAt);
      await stream.ended;
      const ackedAtExit = drill.load.acked.length;
      await drill.acknowledged(ackedAtExit + 100);
      await drill.load.stop();

      const shutdownLog = leaving
        .output()
        .split('\n')
        .filter((l) => /shutdown|shutting/.test(l))
        .join('\n');
      expect(code, shutdownLog).toBe(0);
      expect(exitMs, shutdownLog).toBeLessThan(SHUTDOWN_BOUND_MS + PROCESS_EXIT_SLACK_MS);
      expect(staying.child.exitCode).toBeNull();
      // Never a reset or a 500: a refusal is a 503 that says to retry, or a connection refused.
      const lost = drill.load.answers.filter(
        (a) =>
          (a.status === 0 && !NOT_SENT.has(a.error ?? '')) || (a.status >= 500 && a.status !== 503),
      );
      expect(lost.map((a) => `${a.status} ${a.error ?? a.body ?? ''}`)).toEqual([]);
      expect(drill.load.answers.filter((a) => a.status === 503 && !a.wellFormed503)).toEqual([]);
      const stored = await checkStored(database.db, drill.room.sessionId, drill.load.acked);
      expect(stored.wrong).toEqual([]);
      // The first block's hint, then the farewell's: reconnect soon, to the other process.
      expect(stream.retryHints).toHaveLength(2);
      console.log(
        `SIGTERM: exit ${code} after ${exitMs} ms, answers ${JSON.stringify(countStatuses(drill.load.answersSince(termAt)))}, acked ${drill.load.acked.length}, stored not acked ${stored.storedNotAcked}`,
      );
    }, 180_000);
  });
}
