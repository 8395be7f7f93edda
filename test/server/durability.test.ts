import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBenchRoom, type BenchRoom } from '../../bench/support/room.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';

/**
 * Kill -9 during sustained voting: every vote that got a 2xx must be there after a restart.
 *
 * SQLite runs in WAL mode with synchronous=FULL by default: the log is synced at every commit
 * (one sync per batch of votes), so not even a power cut drops an acknowledged vote; with
 * SQLITE_SYNCHRONOUS=NORMAL a killed process still loses nothing the OS already has, which is
 * what this test checks. PostgreSQL fsyncs its WAL on every commit by default.
 */
const PARLEY = fileURLToPath(new URL('../../bin/parley-ts.js', import.meta.url));
const VOTERS = 20;
const STATEMENTS = 40;

function serve(databaseUrl: string): Promise<{ url: string; child: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [PARLEY, 'serve'], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        PARLEY_DEMO: 'off',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`parley serve did not start:\n${output}`)),
      60_000,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Parley is running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`parley serve exited (${code ?? signal}):\n${output}`));
    });
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

interface Acked {
  clientVoteId: string;
  voter: number;
  statementId: string;
  value: number;
}

/** One voter votes on each statement in turn until the server dies; returns the votes answered 2xx. */
async function voteUntilKilled(url: string, room: BenchRoom, voter: number, acked: Acked[]) {
  const v = room.voters[voter];
  for (const statementId of room.statementIds) {
    const vote = {
      clientVoteId: randomUUID(),
      statementId,
      value: [1, -1, 0][(voter + acked.length) % 3],
    };
    try {
      const res = await fetch(`${url}/api/v1/sessions/${room.sessionId}/votes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...v.headers },
        body: JSON.stringify(vote),
      });
      if (res.status >= 200 && res.status < 300) acked.push({ ...vote, voter });
      else throw new Error(`vote answered ${res.status}: ${await res.text()}`);
    } catch (error) {
      if ((error as Error).message.startsWith('vote answered')) throw error;
      return; // the connection died with the server
    }
  }
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] durability of votes`, () => {
    let database: TestDatabase;
    let room: BenchRoom;
    const children: ChildProcess[] = [];
    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      room = await seedBenchRoom(database.db, {
        voters: VOTERS,
        statements: STATEMENTS,
        preVoted: 0,
      });
    }, 60_000);
    afterAll(async () => {
      for (const child of children) await killed(child);
      await database.drop();
    });

    it('keeps every acknowledged vote through kill -9 and a restart', async () => {
      const first = await serve(database.url);
      children.push(first.child);
      const acked: Acked[] = [];
      const voting = Promise.all(
        room.voters.map((_, i) => voteUntilKilled(first.url, room, i, acked)),
      );
      // Kill mid-stream: once a good number of votes are in, while every voter still has more to send.
      const deadline = Date.now() + 20_000;
      while (acked.length < 150 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      await killed(first.child);
      await voting;
      expect(acked.length).toBeGreaterThanOrEqual(150);
      expect(acked.length).toBeLessThan(VOTERS * STATEMENTS);

      const second = await serve(database.url);
      children.push(second.child);
      const missing: string[] = [];
      for (const [i, voter] of room.voters.entries()) {
        const res = await fetch(`${second.url}/api/v1/sessions/${room.sessionId}/my-votes`, {
          headers: voter.headers,
        });
        expect(res.status).toBe(200);
        const stored = new Map(
          (
            (await res.json()) as { items: Array<{ clientVoteId: string; value: number }> }
          ).items.map((v) => [v.clientVoteId, v.value]),
        );
        for (const vote of acked.filter((a) => a.voter === i)) {
          if (stored.get(vote.clientVoteId) !== vote.value)
            missing.push(`${vote.clientVoteId} (voter ${i})`);
        }
      }
      expect(missing).toEqual([]);
      await killed(second.child);
    }, 120_000);
  });
}
