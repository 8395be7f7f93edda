import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildMember,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildSession,
  buildUser,
  sessionClient,
} from '../support/factories.ts';

const working = {
  kind: 'working',
  position: 1,
  title: 'What are the prospects for strategic stability?',
  startsAt: '2026-04-05T09:30:00+05:00',
  endsAt: '2026-04-05T11:00:00+05:00',
};

for (const dialect of testDialects()) {
  describe(`[${dialect}] dialogue sessions routes`, () => {
    let t: TestApp;
    let roundId: string;
    let organiser: Client;
    let participant: Client;
    let outsider: Client;
    let sponsor: Client;
    let chairId: string;
    let rapporteurId: string;
    const db = () => t.deps.db.kysely;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const series = await buildSeries(db());
      const round = await buildRound(db(), {
        series_id: series.id,
        starts_on: '2026-04-05',
        ends_on: '2026-04-06',
      });
      roundId = round.id;
      const chair = await buildPerson(db(), { full_name: 'Ambassador Chair' });
      const rapporteur = await buildPerson(db(), { full_name: 'Dr. Rapporteur' });
      chairId = chair.id;
      rapporteurId = rapporteur.id;
      await buildParticipation(db(), { round_id: roundId, person_id: chairId, role: 'moderator' });
      await buildParticipation(db(), {
        round_id: roundId,
        person_id: rapporteurId,
        role: 'rapporteur',
      });
      const [o, p, x, s] = await Promise.all([
        buildUser(db()),
        buildUser(db(), { person_id: chairId }),
        buildUser(db()),
        buildUser(db()),
      ]);
      await buildMember(db(), { series_id: series.id, user_id: o.id, role: 'organiser' });
      await buildMember(db(), { series_id: series.id, user_id: s.id, role: 'sponsor' });
      [organiser, participant, outsider, sponsor] = await Promise.all(
        [o, p, x, s].map((u) => sessionClient(t, u.id)),
      );
    });
    afterAll(() => t.close());

    const create = (body: Record<string, unknown>, client = organiser) =>
      client.request('POST', `/api/v1/rounds/${roundId}/sessions`, { ...working, ...body });

    describe('#sessions.create', () => {
      it('lets an organiser schedule a session with chair and rapporteur', async () => {
        const res = await create({
          chairPersonId: chairId,
          rapporteurPersonId: rapporteurId,
          attributionRule: 'chatham_house_plus',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          roundId,
          kind: 'working',
          status: 'scheduled',
          chairPersonId: chairId,
          attributionRule: 'chatham_house_plus',
        });
      });
      it('defaults to the Chatham House Rule', async () => {
        expect((await create({ startsAt: null, endsAt: null })).json().attributionRule).toBe(
          'chatham_house',
        );
      });
      it('refuses the public, participants and sponsors', async () => {
        expect((await create({}, publicClient(t))).statusCode).toBe(401);
        expect((await create({}, participant)).statusCode).toBe(403);
        expect((await create({}, sponsor)).statusCode).toBe(403);
      });
      it('answers 404 for an unknown round', async () => {
        expect(
          (await organiser.request('POST', '/api/v1/rounds/nope/sessions', working)).statusCode,
        ).toBe(404);
      });
      it('refuses a session outside the round, naming the field', async () => {
        const before = await create({ startsAt: '2026-04-04T09:00:00+05:00' });
        expect(before.statusCode).toBe(400);
        expect(before.json().errors[0].field).toBe('body.startsAt');
        const after = await create({
          startsAt: '2026-04-06T17:00:00+05:00',
          endsAt: '2026-04-07T09:00:00+05:00',
        });
        expect(after.statusCode).toBe(400);
        expect(after.json().errors[0].field).toBe('body.endsAt');
      });
      it('judges the date as written, in the offset given', async () => {
        // An evening session to 23:30 (+05:00) on the round's last day fits; one running to 00:30 on April 7 does not.
        expect(
          (
            await create({
              startsAt: '2026-04-06T22:00:00+05:00',
              endsAt: '2026-04-06T23:30:00+05:00',
            })
          ).statusCode,
        ).toBe(201);
        expect(
          (
            await create({
              startsAt: '2026-04-06T22:00:00+05:00',
              endsAt: '2026-04-07T00:30:00+05:00',
            })
          ).statusCode,
        ).toBe(400);
      });
      it('reads a wall time in the venue zone and writes it with the offset there', async () => {
        const res = await create({ startsAt: '2026-04-05T09:30', endsAt: '2026-04-05T11:00' });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          startsAt: '2026-04-05T09:30:00+05:00',
          endsAt: '2026-04-05T11:00:00+05:00',
          timeZone: 'Asia/Karachi',
        });
        // Given in another offset, the same instant is written in the venue's.
        const utc = await create({ startsAt: '2026-04-05T04:30:00Z', endsAt: null });
        expect(utc.json().startsAt).toBe('2026-04-05T09:30:00+05:00');
      });
      it("judges the round's dates in the venue zone, whatever offset is given", async () => {
        // 20:00 UTC on April 6 is 01:00 on April 7 in Islamabad: outside the round.
        const late = await create({ startsAt: '2026-04-06T20:00:00Z', endsAt: null });
        expect(late.statusCode).toBe(400);
        expect(late.json().errors[0]).toEqual({
          field: 'body.startsAt',
          message: 'must fall between 5 April 2026 and 6 April 2026 (Asia/Karachi)',
        });
        expect(late.json().detail).toContain('01:00 PKT, 7 April 2026');
        // 23:00 UTC on April 4 is 04:00 on April 5 there: inside.
        expect((await create({ startsAt: '2026-04-04T23:00:00Z', endsAt: null })).statusCode).toBe(
          201,
        );
      });
      it('refuses a time that is not one, naming the field', async () => {
        for (const startsAt of [
          '2026-04-05 09:30',
          '2026-04-05T25:00',
          '2026-02-30T09:00',
          'soon',
        ]) {
          const res = await create({ startsAt, endsAt: null });
          expect(res.statusCode).toBe(400);
          expect(res.json().errors[0].field).toBe('body.startsAt');
        }
      });
      it('refuses an end before the start', async () => {
        const res = await create({
          startsAt: '2026-04-05T11:00:00+05:00',
          endsAt: '2026-04-05T09:00:00+05:00',
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.endsAt');
      });
      it('refuses a chair or rapporteur who does not take part in the round', async () => {
        const stranger = await buildPerson(db());
        const withdrawn = await buildPerson(db());
        await buildParticipation(db(), {
          round_id: roundId,
          person_id: withdrawn.id,
          status: 'withdrawn',
        });
        expect((await create({ chairPersonId: stranger.id })).json().errors[0].field).toBe(
          'body.chairPersonId',
        );
        expect((await create({ rapporteurPersonId: withdrawn.id })).json().errors[0].field).toBe(
          'body.rapporteurPersonId',
        );
        expect((await create({ chairPersonId: 'nobody' })).statusCode).toBe(400);
      });
      it('refuses a wrong kind or rule', async () => {
        expect((await create({ kind: 'plenary' })).json().errors[0].field).toBe('body.kind');
        expect((await create({ attributionRule: 'anything_goes' })).json().errors[0].field).toBe(
          'body.attributionRule',
        );
      });
    });

    describe('#sessions.list', () => {
      it('shows the public the agenda without person ids', async () => {
        const res = await publicClient(t).request('GET', `/api/v1/rounds/${roundId}/sessions`);
        expect(res.statusCode).toBe(200);
        expect(res.json().items.length).toBeGreaterThan(0);
        expect(
          res
            .json()
            .items.every(
              (s: { chairPersonId: unknown; rapporteurPersonId: unknown }) =>
                s.chairPersonId === null && s.rapporteurPersonId === null,
            ),
        ).toBe(true);
        expect(res.body).not.toContain(chairId);
      });
      it('hides person ids from sponsors and unrelated users too', async () => {
        expect(
          (await sponsor.request('GET', `/api/v1/rounds/${roundId}/sessions`)).body,
        ).not.toContain(chairId);
        expect(
          (await outsider.request('GET', `/api/v1/rounds/${roundId}/sessions`)).body,
        ).not.toContain(chairId);
      });
      it('names chair and rapporteur to participants of the round and organisers', async () => {
        expect(
          (await participant.request('GET', `/api/v1/rounds/${roundId}/sessions`)).body,
        ).toContain(chairId);
        expect(
          (await organiser.request('GET', `/api/v1/rounds/${roundId}/sessions`)).body,
        ).toContain(rapporteurId);
      });
      it('answers 404 for an unknown round', async () => {
        expect(
          (await publicClient(t).request('GET', '/api/v1/rounds/nope/sessions')).statusCode,
        ).toBe(404);
      });
    });

    describe('#sessions.get', () => {
      it('is public, without person ids', async () => {
        const s = await buildSession(db(), { round_id: roundId, chair_person_id: chairId });
        const res = await publicClient(t).request('GET', `/api/v1/sessions/${s.id}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          id: s.id,
          chairPersonId: null,
          attributionRule: 'chatham_house',
        });
        expect(
          (await participant.request('GET', `/api/v1/sessions/${s.id}`)).json().chairPersonId,
        ).toBe(chairId);
      });
      it('answers 404 for an unknown id', async () => {
        expect((await publicClient(t).request('GET', '/api/v1/sessions/nope')).statusCode).toBe(
          404,
        );
      });
    });

    describe('#sessions.update', () => {
      it('changes only the fields sent', async () => {
        const s = await buildSession(db(), {
          round_id: roundId,
          starts_at: working.startsAt,
          ends_at: working.endsAt,
        });
        const res = await organiser.request('PATCH', `/api/v1/sessions/${s.id}`, {
          title: 'A new question?',
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          title: 'A new question?',
          startsAt: working.startsAt,
          endsAt: working.endsAt,
          attributionRule: 'chatham_house',
        });
      });
      it('checks the merged times against the round', async () => {
        const s = await buildSession(db(), {
          round_id: roundId,
          starts_at: working.startsAt,
          ends_at: working.endsAt,
        });
        const early = await organiser.request('PATCH', `/api/v1/sessions/${s.id}`, {
          endsAt: '2026-04-05T08:00:00+05:00',
        });
        expect(early.statusCode).toBe(400);
        expect(early.json().errors[0].field).toBe('body.endsAt');
        const outside = await organiser.request('PATCH', `/api/v1/sessions/${s.id}`, {
          startsAt: '2026-03-01T09:00:00Z',
        });
        expect(outside.json().errors[0].field).toBe('body.startsAt');
      });
      it('lets the rule change while scheduled but not once open or closed', async () => {
        const scheduled = await buildSession(db(), { round_id: roundId });
        expect(
          (
            await organiser.request('PATCH', `/api/v1/sessions/${scheduled.id}`, {
              attributionRule: 'on_record',
            })
          ).json().attributionRule,
        ).toBe('on_record');
        for (const status of ['open', 'closed']) {
          const s = await buildSession(db(), { round_id: roundId, status });
          const res = await organiser.request('PATCH', `/api/v1/sessions/${s.id}`, {
            attributionRule: 'on_record',
          });
          expect(res.statusCode).toBe(409);
          expect(res.json().errors[0].field).toBe('body.attributionRule');
          // Restating the same rule, or editing the title, is fine.
          expect(
            (
              await organiser.request('PATCH', `/api/v1/sessions/${s.id}`, {
                attributionRule: 'chatham_house',
                title: 'Renamed',
              })
            ).statusCode,
          ).toBe(200);
        }
      });
      it('refuses a chair who does not take part', async () => {
        const s = await buildSession(db(), { round_id: roundId });
        const stranger = await buildPerson(db());
        expect(
          (
            await organiser.request('PATCH', `/api/v1/sessions/${s.id}`, {
              chairPersonId: stranger.id,
            })
          ).statusCode,
        ).toBe(400);
        expect(
          (await organiser.request('PATCH', `/api/v1/sessions/${s.id}`, { chairPersonId: null }))
            .statusCode,
        ).toBe(200);
      });
      it('refuses the public and participants', async () => {
        const s = await buildSession(db(), { round_id: roundId });
        expect(
          (await publicClient(t).request('PATCH', `/api/v1/sessions/${s.id}`, { title: 'X' }))
            .statusCode,
        ).toBe(401);
        expect(
          (await participant.request('PATCH', `/api/v1/sessions/${s.id}`, { title: 'X' }))
            .statusCode,
        ).toBe(403);
      });
    });

    describe('#sessions.delete', () => {
      it('deletes a scheduled session and keeps an opened one', async () => {
        const s = await buildSession(db(), { round_id: roundId });
        expect((await organiser.request('DELETE', `/api/v1/sessions/${s.id}`)).statusCode).toBe(
          204,
        );
        expect((await publicClient(t).request('GET', `/api/v1/sessions/${s.id}`)).statusCode).toBe(
          404,
        );
        const open = await buildSession(db(), { round_id: roundId, status: 'open' });
        expect((await organiser.request('DELETE', `/api/v1/sessions/${open.id}`)).statusCode).toBe(
          409,
        );
      });
      it('refuses the public and sponsors', async () => {
        const s = await buildSession(db(), { round_id: roundId });
        expect(
          (await publicClient(t).request('DELETE', `/api/v1/sessions/${s.id}`)).statusCode,
        ).toBe(401);
        expect((await sponsor.request('DELETE', `/api/v1/sessions/${s.id}`)).statusCode).toBe(403);
      });
    });
  });
}
