import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './process.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.ts';
import { buildRound, buildSeries } from '../support/factories.ts';

const fixture = join(import.meta.dirname, '../fixtures/polis/brexit-consensus');

const run = runInProcess;

for (const dialect of testDialects()) {
  describe(`[${dialect}] parley polis import`, () => {
    let database: TestDatabase;
    let env: NodeJS.ProcessEnv;
    let roundId: string;
    let bad: string;

    beforeAll(async () => {
      database = await createTestDatabase(dialect);
      env = { DATABASE_URL: database.url, LOG_LEVEL: 'silent' };
      const series = await buildSeries(database.db.kysely);
      roundId = (await buildRound(database.db.kysely, { series_id: series.id })).id;
      bad = await mkdtemp(join(tmpdir(), 'parley-polis-bad-'));
      await writeFile(
        join(bad, 'comments.csv'),
        'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,,0,0,0,0,1,One\n',
      );
      await writeFile(
        join(bad, 'votes.csv'),
        'timestamp,datetime,comment-id,voter-id,vote\n1,,0,1,1\n2,,0,2,yes\n',
      );
    });
    afterAll(async () => {
      await database.drop();
      await rm(bad, { recursive: true, force: true });
    });

    it('imports a real Polis export into the round as a closed session, and says what it wrote', async () => {
      const res = await run(
        ['polis', 'import', fixture, '--round', roundId, '--rule', 'on_record'],
        env,
      );
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toMatch(
        /^Imported session [0-9a-f-]{36}: 50 statements, \d+ pseudonymous participants, \d+ votes\.\n$/,
      );
      const session = await database.db.kysely
        .selectFrom('sessions')
        .selectAll()
        .where('round_id', '=', roundId)
        .executeTakeFirstOrThrow();
      expect(session).toMatchObject({
        title: 'Can there be consensus on Brexit?',
        status: 'closed',
        attribution_rule: 'on_record',
      });
      const analysed = await database.db.kysely
        .selectFrom('analysis_results')
        .select('vote_count')
        .where('session_id', '=', session.id)
        .executeTakeFirst();
      expect(analysed?.vote_count).toBeGreaterThan(0);
    });

    it('names the file and line of a bad row, exits 1 and writes nothing; checks its options', async () => {
      const res = await run(['polis', 'import', bad, '--round', roundId], env);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('votes.csv:3: vote value "yes" is not -1, 0 or 1');
      const sessions = await database.db.kysely
        .selectFrom('sessions')
        .select('id')
        .where('round_id', '=', roundId)
        .execute();
      expect(sessions).toHaveLength(1);
      expect(
        (await run(['polis', 'import', fixture, '--round', roundId, '--rule', 'off_record'], env))
          .code,
      ).toBe(2);
      expect((await run(['polis', 'import', fixture], env)).code).toBe(2);
      expect((await run(['polis', 'import', '/nonexistent', '--round', roundId], env)).code).toBe(
        1,
      );
      expect(
        (await run(['polis', 'import', fixture, '--round', 'no-such-round'], env)).stderr,
      ).toMatch(/No such round/);
      expect((await run(['polis', 'import', '--help'], env)).stdout).toMatch(/pseudonymous/);
    });
  });
}
