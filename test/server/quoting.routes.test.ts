import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { identities } from './outcomes.fixture.ts';
import { buildQuotingRoom, expectQuotation, REVIEW, type QuotingRoom } from './quoting.fixture.ts';

/** Chatham House Rule Plus on the workbench: outcome items, conclusions and recommendations. */
for (const dialect of testDialects()) {
  describe(`[${dialect}] nothing quoted from a Chatham House Rule Plus session`, () => {
    let t: TestApp;
    let room: QuotingRoom;

    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      room = await buildQuotingRoom(t);
    });
    afterAll(() => t.close());

    describe('outcome items', () => {
      const create = (title: string, body: string) =>
        room.rapporteurs[0].client.request('POST', `/api/v1/rounds/${room.roundId}/outcome-items`, {
          sessionId: room.sessionId,
          type: 'idea',
          title,
          body,
        });

      it('refuses saving one that quotes a seven-word statement whole, or with a word changed', async () => {
        expectQuotation(
          room,
          await create('Trade', 'Participants said: open the Wagah border to all trade.'),
          'body.body',
          2,
          'open the Wagah border to all trade',
        );
        expectQuotation(
          room,
          await create('Open the Wagah border to all trade', 'A proposal.'),
          'body.title',
          2,
          'Open the Wagah border to all trade',
        );
        const item = await create('Trade', 'Cross-border trade was discussed.');
        expect(item.statusCode, item.body).toBe(201);
        const edit = await room.rapporteurs[0].client.request(
          'PATCH',
          `/api/v1/outcome-items/${item.json().id}`,
          { baseVersion: 1, body: 'Some would close the Wagah border to all trade.' },
        );
        expectQuotation(room, edit, 'body.body', 2, 'close the Wagah border to all trade');
      });

      it('refuses approving one that quotes a statement said after it was saved', async () => {
        const item = await create(
          'Visas',
          'Some asked to renew visas for journalists every single year.',
        );
        expect(item.statusCode, item.body).toBe(201);
        const number = await room.say('Renew visas for journalists every single year.');
        const approve = await room.organiser.request(
          'POST',
          `/api/v1/outcome-items/${item.json().id}/visibility`,
          { visibility: 'public' },
        );
        expectQuotation(
          room,
          approve,
          'body.body',
          number,
          'renew visas for journalists every single year',
        );
        // Shared with participants only, it stays internal: allowed.
        const share = await room.rapporteurs[0].client.request(
          'POST',
          `/api/v1/outcome-items/${item.json().id}/visibility`,
          { visibility: 'participants' },
        );
        expect(share.statusCode).toBe(200);
      });
    });

    describe('what counts as said', () => {
      const create = (body: string) =>
        room.rapporteurs[0].client.request('POST', `/api/v1/rounds/${room.roundId}/outcome-items`, {
          sessionId: room.sessionId,
          type: 'idea',
          title: 'Rivers',
          body,
        });

      it('an earlier wording of a statement, and a statement the moderator rejected (named without a number)', async () => {
        const number = await room.say('Fence the whole river line by next spring.');
        const [statement] = (
          await room.organiser.request(
            'GET',
            `/api/v1/sessions/${room.plusSessionId}/statements?status=approved&limit=200`,
          )
        )
          .json()
          .items.filter((s: { text: string }) => s.text.startsWith('Fence'));
        const edited = await room.moderator.client.request(
          'POST',
          `/api/v1/statements/${statement.id}/moderation`,
          { action: 'edit', text: 'Secure the river line.', reason: 'Shorter' },
        );
        expect(edited.statusCode, edited.body).toBe(200);
        expectQuotation(
          room,
          await create('One wished to fence the whole river line by next spring.'),
          'body.body',
          number,
          'fence the whole river line by next spring',
        );

        const submitted = await room.participants[0].client.request(
          'POST',
          `/api/v1/sessions/${room.plusSessionId}/statements`,
          { kind: 'idea', text: 'Dredge the estuary twice every single year.' },
        );
        expect(submitted.json().status).toBe('pending');
        const rejected = await room.moderator.client.request(
          'POST',
          `/api/v1/statements/${submitted.json().id}/moderation`,
          { action: 'reject', reason: 'Off topic' },
        );
        expect(rejected.statusCode, rejected.body).toBe(200);
        const res = await create('Someone asked to dredge the estuary twice every single year.');
        expect(res.statusCode).toBe(409);
        expect(res.json().errors[0].message).toBe(
          'reproduces a rejected statement of session “Border talks”: “dredge the estuary twice every single year”',
        );
        for (const identity of identities(room)) expect(res.body).not.toContain(identity);
      });
    });

    describe('conclusions', () => {
      const url = () => `/api/v1/rounds/${room.roundId}/conclusions`;

      it('refuses saving conclusions that quote a statement’s Urdu translation', async () => {
        const res = await room.rapporteurs[0].client.request('PUT', url(), {
          baseVersion: 0,
          body: `اتفاق ہوا: ${REVIEW.translation}`,
        });
        expectQuotation(room, res, 'body.body', 3, REVIEW.translation.slice(0, -1));
      });

      it('refuses endorsing conclusions that quote a statement said after they were saved', async () => {
        const saved = await room.rapporteurs[0].client.request('PUT', url(), {
          baseVersion: 0,
          body: 'Both delegations agreed to meet again before the monsoon rains end.',
        });
        expect(saved.statusCode, saved.body).toBe(200);
        const number = await room.say('Meet again before the monsoon rains end.');
        const endorse = await room.heads[0].client.request('POST', `${url()}/endorsements`, {
          version: 1,
        });
        expectQuotation(
          room,
          endorse,
          'body.body',
          number,
          'meet again before the monsoon rains end',
        );
      });
    });

    describe('recommendations', () => {
      const create = (title: string, body = '') =>
        room.rapporteurs[0].client.request(
          'POST',
          `/api/v1/rounds/${room.roundId}/recommendations`,
          { title, body, addressees: ['Both foreign ministries'] },
        );

      it('refuses saving one that quotes part of a long statement, or a statement with a word changed', async () => {
        expectQuotation(
          room,
          await create(
            'A public review',
            'That is: an annual public review in which both governments report on their commitments.',
          ),
          'body.body',
          3,
          'an annual public review in which both governments report on their commitments',
        );
        const rec = await create('Trade across the border');
        expect(rec.statusCode, rec.body).toBe(201);
        const edit = await room.rapporteurs[0].client.request(
          'PATCH',
          `/api/v1/recommendations/${rec.json().id}`,
          { title: 'Open the Wagah border to every trade' },
        );
        expectQuotation(room, edit, 'body.title', 2, 'Open the Wagah border to every trade');
      });

      it('refuses agreeing one that quotes a statement said after it was saved', async () => {
        const rec = await create('Data', 'Publish river flow data from every gauge, each week.');
        expect(rec.statusCode, rec.body).toBe(201);
        const number = await room.say('Publish river flow data from every gauge');
        const agree = await room.organiser.request(
          'POST',
          `/api/v1/recommendations/${rec.json().id}/status`,
          { status: 'agreed', on: '2026-04-06', evidence: { text: 'Agreed in plenary.' } },
        );
        expectQuotation(
          room,
          agree,
          'body.body',
          number,
          'Publish river flow data from every gauge',
        );
      });
    });
  });
}
