import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStream } from '../../bench/support/sse-client.ts';
import { loadActor } from '../../src/server/auth/session-cookie.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Deps } from '../../src/server/deps.ts';
import { openSession } from '../../src/server/services/accounts.service.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { within } from '../support/live.ts';
import {
  buildMember,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildSession,
  buildUser,
} from '../support/factories.ts';

const PARLEY = fileURLToPath(new URL('../../bin/parley-ts.js', import.meta.url));

/** Starts `parley serve` on a free port of the database; resolves with its address once it listens. */
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
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Parley is running at (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1].replace(/\/$/, ''), child });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const onPostgres = testDialects().includes('postgres');

// SQLite is one process by design (one file, one writer): sharing live events between processes
// is a PostgreSQL feature (LISTEN/NOTIFY), so this test needs DATABASE_URL to point to PostgreSQL.
describe.skipIf(!onPostgres)('[postgres] live events across two server processes', () => {
  let database: TestDatabase;
  let a: { url: string; child: ChildProcess };
  let b: { url: string; child: ChildProcess };
  let sessionId: string;
  let statementId: string;
  let voter: { cookie: string; csrf: string };
  let watcherCookie: string;
  let organiserCsrf: string;
  let leaver: { cookie: string; participationId: string };

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const db = database.db.kysely;
    const deps = {
      db: database.db,
      config: loadConfig({ PARLEY_DEMO: 'off' }),
      mailer: null,
      now: () => new Date(),
    } satisfies Deps;
    const series = await buildSeries(db);
    const round = await buildRound(db, { series_id: series.id, status: 'in_session' });
    const session = await buildSession(db, { round_id: round.id, status: 'open' });
    sessionId = session.id;
    statementId = randomUUID();
    const at = new Date().toISOString();
    await db
      .insertInto('statements')
      .values({
        id: statementId,
        session_id: sessionId,
        kind: 'idea',
        text: 'Open a hotline',
        translation: '',
        language: 'en',
        author_user_id: null,
        author_participation_id: null,
        origin: 'seeded',
        status: 'approved',
        rejection_reason: null,
        merged_into_id: null,
        is_meta: 0,
        position: 0,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const person = await buildPerson(db);
    await buildParticipation(db, {
      round_id: round.id,
      person_id: person.id,
      delegation_id: series.delegations[0].id,
      status: 'confirmed',
    });
    // Two earlier voters: with the voter below, k = 3 have voted and a release can be made.
    for (const delegation of series.delegations) {
      const earlier = await buildParticipation(db, {
        round_id: round.id,
        person_id: (await buildPerson(db)).id,
        delegation_id: delegation.id,
        status: 'confirmed',
      });
      await db
        .insertInto('votes')
        .values({
          client_vote_id: randomUUID(),
          session_id: sessionId,
          statement_id: statementId,
          participation_id: earlier.id,
          value: -1,
          created_at: at,
          updated_at: at,
        })
        .execute();
    }
    const voterUser = await buildUser(db, { person_id: person.id });
    const { secret } = await openSession(deps, voterUser.id);
    voter = {
      cookie: `parley_session=${secret}`,
      csrf: (await loadActor(deps, secret)).csrfToken!,
    };
    const organiser = await buildUser(db);
    await buildMember(db, { series_id: series.id, user_id: organiser.id, role: 'organiser' });
    const organiserSecret = (await openSession(deps, organiser.id)).secret;
    watcherCookie = `parley_session=${organiserSecret}`;
    organiserCsrf = (await loadActor(deps, organiserSecret)).csrfToken!;
    const leaverPerson = await buildPerson(db);
    const leaverParticipation = await buildParticipation(db, {
      round_id: round.id,
      person_id: leaverPerson.id,
      delegation_id: series.delegations[1].id,
      status: 'confirmed',
    });
    const leaverUser = await buildUser(db, { person_id: leaverPerson.id });
    leaver = {
      cookie: `parley_session=${(await openSession(deps, leaverUser.id)).secret}`,
      participationId: leaverParticipation.id,
    };
    [a, b] = await Promise.all([serve(database.url), serve(database.url)]);
  });

  afterAll(async () => {
    await Promise.all([a && stop(a.child), b && stop(b.child)]);
    await database?.drop();
  });

  it("delivers a vote cast on process B to a subscriber of process A, with B's analysis", async () => {
    const stream = await openEventStream(`${a.url}/api/v1/sessions/${sessionId}/events`, {
      cookie: watcherCookie,
    });
    expect(stream.status).toBe(200);
    const res = await fetch(`${b.url}/api/v1/sessions/${sessionId}/votes`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: voter.cookie,
        'x-csrf-token': voter.csrf,
      },
      body: JSON.stringify({ clientVoteId: randomUUID(), statementId, value: 1 }),
    });
    expect(res.status).toBe(201);
    const counts = await stream.waitFor((e) => e.event === 'vote-counts', 15_000);
    expect(JSON.parse(counts.data).statements).toEqual([
      { statementId, totals: { agrees: 1, disagrees: 2, passes: 0, seen: 3 } },
    ]);
    const analysis = await stream.waitFor((e) => e.event === 'analysis', 15_000);
    expect(JSON.parse(analysis.data).counts.votes).toBe(3);
    // Seen on A exactly once although it travelled through NOTIFY.
    expect(stream.events.filter((e) => e.id === analysis.id)).toHaveLength(1);
    stream.close();
  });

  it('delivers events published by A to a subscriber of B too', async () => {
    const stream = await openEventStream(`${b.url}/api/v1/sessions/${sessionId}/events?after=0`, {
      cookie: watcherCookie,
    });
    // The replay comes from the shared table, whichever process wrote it.
    await stream.waitFor((e) => e.event === 'analysis', 15_000);
    // A statement seeded on A: its event reaches B's subscriber through NOTIFY.
    const res = await fetch(`${a.url}/api/v1/sessions/${sessionId}/statements`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: watcherCookie,
        'x-csrf-token': organiserCsrf,
      },
      body: JSON.stringify({ kind: 'idea', text: 'A second proposal' }),
    });
    expect(res.status).toBe(201);
    const counts = await stream.waitFor(
      (e) => e.event === 'statement' && JSON.parse(e.data).text === 'A second proposal',
      15_000,
    );
    expect(counts.id).toBeGreaterThan(0);
    stream.close();
  });

  it("closes a participant's stream open on process B when process A withdraws the participation", async () => {
    const stream = await openEventStream(`${b.url}/api/v1/sessions/${sessionId}/events`, {
      cookie: leaver.cookie,
    });
    expect(stream.status).toBe(200);
    const res = await fetch(`${a.url}/api/v1/participations/${leaver.participationId}`, {
      method: 'PATCH',
      headers: {
        'content-type': 'application/json',
        cookie: watcherCookie,
        'x-csrf-token': organiserCsrf,
      },
      body: JSON.stringify({ status: 'withdrawn' }),
    });
    expect(res.status).toBe(200);
    await within(stream.ended, 'the stream on B did not end after the withdrawal on A', 15_000);
  });
});
