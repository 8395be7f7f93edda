import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { header, records, type PolisFiles } from '../support/polis-consumers.ts';
import { buildRoom, type Room } from '../support/room.ts';

const fixture = join(import.meta.dirname, '../fixtures/polis/london.youth.policing');
const COMMENTS_HEADER =
  'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body';
const VOTES_HEADER = 'timestamp,datetime,comment-id,voter-id,vote';

/** The fixture's latest vote per voter and comment, as Polis's participants-votes.csv has them. */
function latestVotes(votesCsv: string): Map<string, number> {
  const latest = new Map<string, { at: number; vote: number }>();
  for (const v of records(votesCsv)) {
    const key = `${v['voter-id']}:${v['comment-id']}`;
    const at = Number(v.timestamp);
    if ((latest.get(key)?.at ?? -Infinity) <= at) latest.set(key, { at, vote: Number(v.vote) });
  }
  return new Map([...latest].map(([k, { vote }]) => [k, vote]));
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] importing a Polis export into a round`, () => {
    let t: TestApp;
    let room: Room;
    let files: PolisFiles;
    const sessionsOf = async () =>
      (
        await t.deps.db.kysely
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('round_id', '=', room.roundId)
          .executeTakeFirstOrThrow()
      ).n;
    const importFiles = (body: unknown) =>
      room.organiser.request('POST', `/api/v1/rounds/${room.roundId}/sessions/polis-import`, body);

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildRoom(t, { participants: 2 });
      files = {};
      for (const name of ['summary.csv', 'comments.csv', 'votes.csv'])
        files[name] = await readFile(join(fixture, name), 'utf8');
    });
    afterAll(() => t.close());

    it('brings comments in as statements and votes under pseudonymous participants, analysed, exportable again', async () => {
      const res = await importFiles({ files });
      expect(res.statusCode, res.body).toBe(201);
      const { sessionId, statements, participants, votes } = res.json();
      const latest = latestVotes(files['votes.csv']);
      const comments = records(files['comments.csv']);
      expect(statements).toBe(comments.length);
      expect(participants).toBe(new Set([...latest.keys()].map((k) => k.split(':')[0])).size);
      expect(votes).toBe(latest.size);

      const session = (await room.organiser.request('GET', `/api/v1/sessions/${sessionId}`)).json();
      expect(session).toMatchObject({
        status: 'closed',
        kind: 'other',
        attributionRule: 'chatham_house',
        title: 'What is the best way to engage more young people in local scrutiny of policing?',
      });
      const rows = await t.deps.db.kysely
        .selectFrom('statements')
        .select(['text', 'status', 'author_participation_id', 'author_user_id', 'language'])
        .where('session_id', '=', sessionId)
        .orderBy('position')
        .execute();
      const byId = [...comments].sort((a, b) => +a['comment-id'] - +b['comment-id']);
      expect(rows.map((r) => r.text)).toEqual(byId.map((c) => c['comment-body']));
      expect(rows.map((r) => r.status)).toEqual(
        byId.map((c) => (c.moderated === '-1' ? 'rejected' : 'approved')),
      );
      expect(rows.every((r) => !r.author_participation_id && !r.author_user_id)).toBe(true);
      expect(new Set(rows.map((r) => r.language))).toEqual(new Set(['und']));

      // The pseudonymous participants count nowhere in the round and hold no account.
      const people = await t.deps.db.kysely
        .selectFrom('votes')
        .innerJoin('participations', 'participations.id', 'votes.participation_id')
        .innerJoin('people', 'people.id', 'participations.person_id')
        .leftJoin('users', 'users.person_id', 'people.id')
        .select(['people.full_name', 'participations.status', 'participations.role', 'users.id'])
        .distinct()
        .where('votes.session_id', '=', sessionId)
        .execute();
      expect(people).toHaveLength(participants);
      for (const p of people) {
        expect(p.full_name).toMatch(/^Polis participant \d+$/);
        expect([p.status, p.role, p.id]).toEqual(['withdrawn', 'observer', null]);
      }
      const stored = await t.deps.db.kysely
        .selectFrom('votes')
        .select(['created_at', 'updated_at'])
        .where('session_id', '=', sessionId)
        .execute();
      // One instant for every row: the conversation's latest vote time, not each vote's.
      const instants = new Set(stored.flatMap((v) => [v.created_at, v.updated_at]));
      const last = Math.max(...records(files['votes.csv']).map((v) => Number(v.timestamp)));
      expect(instants).toEqual(new Set([new Date(last).toISOString()]));

      const analysis = (
        await room.organiser.request('GET', `/api/v1/sessions/${sessionId}/analysis`)
      ).json();
      expect(analysis.analysis).not.toBeNull();

      // Exported again, the per-comment tallies are the original conversation's (latest votes).
      const exported = (
        await room.organiser.request('GET', `/api/v1/sessions/${sessionId}/export/polis`)
      ).json().files as PolisFiles;
      const again = records(exported['comments.csv']);
      expect(again.map((c) => c['comment-body'])).toEqual(byId.map((c) => c['comment-body']));
      byId.forEach((c, j) => {
        const mine = [...latest].filter(([k]) => k.split(':')[1] === c['comment-id']);
        expect(Number(again[j].agrees), c['comment-id']).toBe(
          mine.filter(([, v]) => v === 1).length,
        );
        expect(Number(again[j].disagrees)).toBe(mine.filter(([, v]) => v === -1).length);
      });
      expect(records(exported['votes.csv'])).toHaveLength(latest.size);

      const audit = await t.deps.db.kysely
        .selectFrom('audit_log')
        .select(['action', 'resource_id'])
        .where('action', '=', 'session.import_polis')
        .execute();
      expect(audit).toEqual([{ action: 'session.import_polis', resource_id: sessionId }]);
    });

    it('reads the votes from participants-votes.csv when there is no votes.csv', async () => {
      const wide = await readFile(join(fixture, 'participants-votes.csv'), 'utf8');
      const res = await importFiles({
        title: 'From the wide file',
        attributionRule: 'chatham_house_plus',
        files: { 'comments.csv': files['comments.csv'], 'participants-votes.csv': wide },
      });
      expect(res.statusCode, res.body).toBe(201);
      const cells = records(wide).flatMap((r) =>
        header(wide)
          .slice(7)
          .filter((c) => r[c] !== ''),
      );
      expect(res.json().votes).toBe(cells.length);
    });

    it('answers a bad file with its name and line, and writes nothing', async () => {
      const before = await sessionsOf();
      const comments = `${COMMENTS_HEADER}\n1,,0,0,0,0,1,First\n2,,1,0,0,0,1,"Second, quoted"\n`;
      const cases: [PolisFiles, string, RegExp][] = [
        [
          { 'comments.csv': comments, 'votes.csv': `${VOTES_HEADER}\n1,,0,7,1\n2,,1,7,2\n` },
          'votes.csv',
          /^votes\.csv:3: vote value "2" is not -1, 0 or 1$/,
        ],
        [
          { 'comments.csv': comments, 'votes.csv': `${VOTES_HEADER}\n1,,0,7,1\n1,,9,7,1\n` },
          'votes.csv',
          /^votes\.csv:3: comment-id 9 is not in comments\.csv$/,
        ],
        [
          {
            'comments.csv': `${COMMENTS_HEADER}\n1,,0,0,0,0,1,First\n2,,0,0,0,0,1,Again\n`,
            'votes.csv': `${VOTES_HEADER}\n1,,0,7,1\n`,
          },
          'comments.csv',
          /^comments\.csv:3: comment-id 0 appears twice$/,
        ],
        [
          {
            'comments.csv': `${COMMENTS_HEADER}\n1,,0,0,0,0,1,"never closed\n`,
            'votes.csv': `${VOTES_HEADER}\n1,,0,7,1\n`,
          },
          'comments.csv',
          /^comments\.csv:2: unterminated quoted field$/,
        ],
        [
          { 'comments.csv': 'comment-id,comment-body\n0,x\n', 'votes.csv': `${VOTES_HEADER}\n` },
          'comments.csv',
          /^comments\.csv:1: missing column\(s\): timestamp, author-id, moderated$/,
        ],
        [
          {
            'comments.csv': comments,
            'participants-votes.csv':
              'participant,group-id,n-comments,n-votes,n-agree,n-disagree,0,5\n0,,0,1,1,0,1,\n',
          },
          'participants-votes.csv',
          /^participants-votes\.csv:1: comment-id 5 is not in comments\.csv$/,
        ],
        [
          {
            'comments.csv': `${COMMENTS_HEADER}\n1,,0,0,0,0,1,${'x'.repeat(1001)}\n`,
            'votes.csv': `${VOTES_HEADER}\n1,,0,7,1\n`,
          },
          'comments.csv',
          /^comments\.csv:2: comment 0 is longer than 1000 characters$/,
        ],
        [
          { 'comments.csv': comments },
          'votes.csv',
          /^votes\.csv: missing \(give votes\.csv or participants-votes\.csv\)$/,
        ],
      ];
      for (const [bad, file, message] of cases) {
        const res = await importFiles({ files: bad });
        expect(res.statusCode, res.body).toBe(400);
        const [error] = res.json().errors;
        expect(error.field).toBe(`body.files["${file}"]`);
        expect(error.message).toMatch(message);
        expect(res.json().detail).toContain(error.message);
      }
      const unknown = await importFiles({ files: { 'comments.csv': comments, 'notes.txt': 'x' } });
      expect(unknown.statusCode).toBe(400);
      expect(await sessionsOf()).toBe(before);
    });

    it('is for organisers: a participant is refused before anything is read', async () => {
      const res = await room.participants[0].client.request(
        'POST',
        `/api/v1/rounds/${room.roundId}/sessions/polis-import`,
        { files },
      );
      expect(res.statusCode).toBe(403);
    });
  });
}
