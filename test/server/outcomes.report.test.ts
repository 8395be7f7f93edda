import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildSession } from '../support/factories.ts';
import { buildOutcomesRoom, seed, type OutcomesRoom } from './outcomes.fixture.ts';

const DAY = 24 * 3600 * 1000;

for (const dialect of testDialects()) {
  describe(`[${dialect}] the rapporteur's report`, () => {
    let t: TestApp;
    let room: OutcomesRoom;
    let url: string;
    let clock = new Date('2026-04-07T09:00:00Z');
    const said =
      'Both sides should publish their nuclear doctrine in full before the next round of talks';
    const plusTitle = 'Doctrines';
    let plusSessionId: string;

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false, now: () => clock });
      room = await buildOutcomesRoom(t);
      url = `/api/v1/rounds/${room.roundId}/rapporteur-report`;
      // A second session of the round under Chatham House Rule Plus, with a statement no public text may quote.
      const plus = await buildSession(t.deps.db.kysely, {
        round_id: room.roundId,
        attribution_rule: 'chatham_house_plus',
        status: 'open',
        position: 2,
        title: plusTitle,
      });
      plusSessionId = plus.id;
      await seed(room, plus.id, said);
    });
    afterAll(() => t.close());

    it('is written by the rapporteur alone, and hidden from participants while a draft', async () => {
      const [rapporteur] = room.rapporteurs;
      // Quoting a Chatham House Rule Plus statement is refused at once (409 naming it and the field).
      const quoting = await rapporteur.client.request('PUT', url, {
        baseVersion: 0,
        body: `# Report\n\nOne delegate said: "${said}".`,
      });
      expect(quoting.statusCode).toBe(409);
      expect(quoting.json().errors[0].field).toBe('body.body');
      expect(quoting.json().errors[0].message).toContain(`statement 1 of session “${plusTitle}”`);
      const draft = await rapporteur.client.request('PUT', url, {
        baseVersion: 0,
        body: `# Report\n\nOne delegate urged: publish all doctrines before the next round.`,
      });
      expect(draft.statusCode, draft.body).toBe(200);
      expect(draft.json()).toMatchObject({ status: 'draft', version: 1 });
      expect(
        (await room.organiser.request('PUT', url, { baseVersion: 1, body: 'Organiser text' }))
          .statusCode,
      ).toBe(403);
      expect((await room.participants[0].client.request('GET', url)).statusCode).toBe(404);
      expect((await room.organiser.request('GET', url)).statusCode).toBe(200);
      expect((await publicClient(t).request('GET', url)).statusCode).toBe(404);
    });

    it('refuses approval and publication without a review (409)', async () => {
      const approve = await room.organiser.request('POST', `${url}/approval`);
      expect(approve.statusCode).toBe(409);
      expect(approve.json().detail).toMatch(/review/);
      const publish = await room.organiser.request('POST', `${url}/publication`);
      expect(publish.statusCode).toBe(409);
      expect(publish.json().detail).toMatch(/not approved/);
    });

    it('opens a review window in which participants comment privately', async () => {
      const [rapporteur] = room.rapporteurs;
      const past = await rapporteur.client.request('POST', `${url}/review`, {
        reviewEndsAt: '2026-04-01T00:00:00Z',
      });
      expect(past.statusCode).toBe(400);
      expect(past.json().errors[0].field).toBe('body.reviewEndsAt');
      const review = await rapporteur.client.request('POST', `${url}/review`, {
        reviewEndsAt: new Date(clock.getTime() + DAY).toISOString(),
      });
      expect(review.json().status).toBe('in_review');

      const [alice, bob] = room.participants;
      expect((await alice.client.request('GET', url)).json().body).toContain('# Report');
      expect(
        (
          await alice.client.request('POST', `${url}/comments`, {
            body: 'Paragraph 2 is too strong.',
          })
        ).statusCode,
      ).toBe(201);
      clock = new Date(clock.getTime() + 60_000);
      expect(
        (await bob.client.request('POST', `${url}/comments`, { body: 'Please name no one.' }))
          .statusCode,
      ).toBe(201);
      const own = (await alice.client.request('GET', `${url}/comments`)).json().items;
      expect(own.map((c: { body: string }) => c.body)).toEqual(['Paragraph 2 is too strong.']);
      expect(own[0]).toMatchObject({ mine: true, author: null });
      const all = (await rapporteur.client.request('GET', `${url}/comments`)).json().items;
      expect(all.map((c: { body: string }) => c.body)).toEqual([
        'Paragraph 2 is too strong.',
        'Please name no one.',
      ]);
      expect((await room.sponsor.request('GET', `${url}/comments`)).statusCode).toBe(403);
      const empty = await alice.client.request('POST', `${url}/comments`, { body: '  ' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().errors[0].field).toBe('body.body');
      // Approval waits for the window to close.
      expect((await room.organiser.request('POST', `${url}/approval`)).statusCode).toBe(409);
    });

    it('refuses approval of a text that quotes a statement said since it was saved, then approves the rephrased one', async () => {
      clock = new Date(clock.getTime() + 2 * DAY);
      expect(
        (
          await room.participants[0].client.request('POST', `${url}/comments`, {
            body: 'Too late?',
          })
        ).statusCode,
      ).toBe(409);
      // Said after the draft was saved, in seven words: the old eight-word check let it through.
      await seed(room, plusSessionId, 'Publish all doctrines before the next round');
      const refused = await room.organiser.request('POST', `${url}/approval`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json().detail).toMatch(/Chatham House Rule Plus/);
      expect(refused.json().errors[0]).toEqual({
        field: 'body.body',
        message: `reproduces statement 2 of session “${plusTitle}”: “publish all doctrines before the next round”`,
      });
      const [rapporteur] = room.rapporteurs;
      const current = (await rapporteur.client.request('GET', url)).json();
      const fixed = await rapporteur.client.request('PUT', url, {
        baseVersion: current.version,
        body: '# Report\n\nPublication of doctrines was urged.',
      });
      expect(fixed.statusCode).toBe(200);
      const approved = await room.organiser.request('POST', `${url}/approval`);
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().status).toBe('approved_for_publication');
      // Approved: the text is final.
      expect(
        (
          await rapporteur.client.request('PUT', url, {
            baseVersion: approved.json().version,
            body: 'Changed',
          })
        ).statusCode,
      ).toBe(409);
      const published = await room.organiser.request('POST', `${url}/publication`);
      expect(published.json().publishedAt).not.toBeNull();
      const audit = await t.deps.db.kysely
        .selectFrom('audit_log')
        .select('action')
        .where('series_id', '=', room.seriesId)
        .execute();
      expect(audit.map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'rapporteur_report.approve_for_publication',
          'rapporteur_report.publish',
        ]),
      );
      const revisions = (await rapporteur.client.request('GET', `${url}/revisions`)).json().items;
      expect(revisions).toHaveLength(2);
    });
  });
}
