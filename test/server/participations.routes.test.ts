import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildMember,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildUser,
  sessionClient,
} from '../support/factories.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] participations routes`, () => {
    let t: TestApp;
    let seriesId: string;
    let roundId: string;
    let us: string;
    let pk: string;
    let foreignDelegation: string;
    let organiser: Client;
    let usFocalPoint: Client;
    let pkFocalPoint: Client;
    let sponsor: Client;
    let rapporteur: Client;
    let delegate: Client;
    let delegatePersonId: string;
    let delegateParticipationId: string;
    const db = () => t.deps.db.kysely;
    const url = () => `/api/v1/rounds/${roundId}/participations`;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const series = await buildSeries(db(), {}, ['United States', 'Pakistan']);
      seriesId = series.id;
      [us, pk] = series.delegations.map((d) => d.id);
      foreignDelegation = (await buildSeries(db())).delegations[0].id;
      roundId = (await buildRound(db(), { series_id: seriesId })).id;
      const rapporteurPerson = await buildPerson(db(), { full_name: 'Dr. Rapporteur' });
      const delegatePerson = await buildPerson(db(), {
        full_name: 'Mr. Delegate',
        background: 'former_diplomat',
        gender: 'man',
      });
      delegatePersonId = delegatePerson.id;
      await buildParticipation(db(), {
        round_id: roundId,
        person_id: rapporteurPerson.id,
        role: 'rapporteur',
      });
      delegateParticipationId = (
        await buildParticipation(db(), {
          round_id: roundId,
          person_id: delegatePerson.id,
          delegation_id: pk,
          status: 'invited',
        })
      ).id;
      const users = await Promise.all([
        buildUser(db()),
        buildUser(db()),
        buildUser(db()),
        buildUser(db()),
        buildUser(db(), { person_id: rapporteurPerson.id }),
        buildUser(db(), { person_id: delegatePerson.id }),
      ]);
      await buildMember(db(), { series_id: seriesId, user_id: users[0].id, role: 'organiser' });
      await buildMember(db(), {
        series_id: seriesId,
        user_id: users[1].id,
        role: 'focal_point',
        delegation_id: us,
      });
      await buildMember(db(), {
        series_id: seriesId,
        user_id: users[2].id,
        role: 'focal_point',
        delegation_id: pk,
      });
      await buildMember(db(), { series_id: seriesId, user_id: users[3].id, role: 'sponsor' });
      [organiser, usFocalPoint, pkFocalPoint, sponsor, rapporteur, delegate] = await Promise.all(
        users.map((u) => sessionClient(t, u.id)),
      );
    });
    afterAll(() => t.close());

    describe('#participations.create', () => {
      it('lets an organiser add a participant directly, approved, with a new person inline', async () => {
        const res = await organiser.request('POST', url(), {
          person: { fullName: 'Ambassador New', background: 'former_diplomat' },
          delegationId: us,
          role: 'head_of_delegation',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          roundId,
          delegationId: us,
          role: 'head_of_delegation',
          capacity: 'personal',
          status: 'approved',
        });
        expect(res.json().person).toMatchObject({
          fullName: 'Ambassador New',
          background: 'former_diplomat',
        });
      });
      it('lets a focal point nominate for their own delegation', async () => {
        const person = await buildPerson(db());
        const res = await usFocalPoint.request('POST', url(), {
          personId: person.id,
          delegationId: us,
          role: 'delegate',
          capacity: 'official',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          personId: person.id,
          status: 'nominated',
          capacity: 'official',
        });
      });
      it('refuses a focal point nominating for the other delegation or none', async () => {
        expect(
          (
            await usFocalPoint.request('POST', url(), {
              person: { fullName: 'X' },
              delegationId: pk,
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (await usFocalPoint.request('POST', url(), { person: { fullName: 'X' } })).statusCode,
        ).toBe(403);
      });
      it('leaves the roles that see the whole room (rapporteur, moderator, organiser) to organisers', async () => {
        for (const role of ['rapporteur', 'moderator', 'organiser']) {
          expect(
            (
              await usFocalPoint.request('POST', url(), {
                person: { fullName: 'X' },
                delegationId: us,
                role,
              })
            ).statusCode,
          ).toBe(403);
        }
      });
      it('refuses the public, sponsors and participants', async () => {
        expect(
          (await publicClient(t).request('POST', url(), { person: { fullName: 'X' } })).statusCode,
        ).toBe(401);
        expect(
          (await sponsor.request('POST', url(), { person: { fullName: 'X' } })).statusCode,
        ).toBe(403);
        expect(
          (await rapporteur.request('POST', url(), { person: { fullName: 'X' } })).statusCode,
        ).toBe(403);
      });
      it('requires a delegation for a head of delegation', async () => {
        const res = await organiser.request('POST', url(), {
          person: { fullName: 'X' },
          role: 'head_of_delegation',
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.delegationId');
      });
      it('refuses a delegation of another series', async () => {
        const res = await organiser.request('POST', url(), {
          person: { fullName: 'X' },
          delegationId: foreignDelegation,
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.delegationId');
      });
      it('answers 409 for a person already in the round', async () => {
        const res = await organiser.request('POST', url(), {
          personId: delegatePersonId,
          delegationId: pk,
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().errors[0].field).toBe('body.personId');
      });
      it('needs exactly one of personId and person, and an existing personId', async () => {
        expect((await organiser.request('POST', url(), {})).json().errors[0].field).toBe(
          'body.personId',
        );
        expect(
          (
            await organiser.request('POST', url(), {
              personId: delegatePersonId,
              person: { fullName: 'X' },
            })
          ).statusCode,
        ).toBe(400);
        expect(
          (await organiser.request('POST', url(), { personId: 'nobody' })).json().errors[0].field,
        ).toBe('body.personId');
      });
      it('answers 404 for an unknown round', async () => {
        expect(
          (
            await organiser.request('POST', '/api/v1/rounds/nope/participations', {
              person: { fullName: 'X' },
            })
          ).statusCode,
        ).toBe(404);
      });
    });

    describe('#participations.list', () => {
      const ids = (res: {
        json(): { items: Array<{ delegationId: string | null; personId: string }> };
      }) => res.json().items;
      it('shows organisers and the rapporteur everyone', async () => {
        const all = await organiser.request('GET', url());
        expect(all.statusCode).toBe(200);
        expect(all.json().total).toBeGreaterThanOrEqual(4);
        expect((await rapporteur.request('GET', url())).json().total).toBe(all.json().total);
      });
      it('shows a focal point only their delegation', async () => {
        const items = ids(await usFocalPoint.request('GET', url()));
        expect(items.length).toBeGreaterThan(0);
        expect(items.every((p) => p.delegationId === us)).toBe(true);
      });
      it('shows a participant only their own participation', async () => {
        const items = ids(await delegate.request('GET', url()));
        expect(items.map((p) => p.personId)).toEqual([delegatePersonId]);
      });
      it('answers 404 to the public and 403 to sponsors', async () => {
        expect((await publicClient(t).request('GET', url())).statusCode).toBe(404);
        expect((await sponsor.request('GET', url())).statusCode).toBe(403);
      });
    });

    describe('#participations.get', () => {
      it('lets the organiser, the right focal point and the person read it', async () => {
        const path = `/api/v1/participations/${delegateParticipationId}`;
        expect((await organiser.request('GET', path)).json().person.fullName).toBe('Mr. Delegate');
        expect((await pkFocalPoint.request('GET', path)).statusCode).toBe(200);
        expect((await delegate.request('GET', path)).statusCode).toBe(200);
        expect((await rapporteur.request('GET', path)).statusCode).toBe(200);
      });
      it('refuses the other focal point and sponsors; the public gets 404', async () => {
        const path = `/api/v1/participations/${delegateParticipationId}`;
        expect((await usFocalPoint.request('GET', path)).statusCode).toBe(403);
        expect((await sponsor.request('GET', path)).statusCode).toBe(403);
        expect((await publicClient(t).request('GET', path)).statusCode).toBe(404);
        expect((await organiser.request('GET', '/api/v1/participations/nope')).statusCode).toBe(
          404,
        );
      });
    });

    describe('#participations.update', () => {
      const nomination = async (delegationId = us) =>
        (
          await buildParticipation(db(), {
            round_id: roundId,
            person_id: (await buildPerson(db())).id,
            delegation_id: delegationId,
            status: 'nominated',
          })
        ).id;
      it('lets an organiser approve a nomination, following the transitions', async () => {
        const id = await nomination();
        const res = await organiser.request('PATCH', `/api/v1/participations/${id}`, {
          status: 'approved',
        });
        expect(res.statusCode).toBe(200);
        expect(res.json().status).toBe('approved');
        const row = await db()
          .selectFrom('participations')
          .select('approved_by')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row.approved_by).toBe(organiser.userId);
      });
      it('answers 409 naming the allowed next states', async () => {
        const id = await nomination();
        const res = await organiser.request('PATCH', `/api/v1/participations/${id}`, {
          status: 'confirmed',
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().detail).toContain('approved, withdrawn');
      });
      it('does not let a focal point approve, but lets them withdraw and edit a nomination', async () => {
        const id = await nomination();
        expect(
          (
            await usFocalPoint.request('PATCH', `/api/v1/participations/${id}`, {
              status: 'approved',
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await usFocalPoint.request('PATCH', `/api/v1/participations/${id}`, {
              capacity: 'official',
            })
          ).json().capacity,
        ).toBe('official');
        expect(
          (
            await usFocalPoint.request('PATCH', `/api/v1/participations/${id}`, {
              role: 'moderator',
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await usFocalPoint.request('PATCH', `/api/v1/participations/${id}`, {
              status: 'withdrawn',
            })
          ).json().status,
        ).toBe('withdrawn');
        expect(
          (
            await pkFocalPoint.request('PATCH', `/api/v1/participations/${id}`, {
              status: 'nominated',
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await usFocalPoint.request('PATCH', `/api/v1/participations/${id}`, {
              delegationId: pk,
            })
          ).statusCode,
        ).toBe(403);
      });
      it('lets the person accept or decline, and nothing else', async () => {
        const path = `/api/v1/participations/${delegateParticipationId}`;
        expect(
          (await delegate.request('PATCH', path, { role: 'head_of_delegation' })).statusCode,
        ).toBe(403);
        expect((await delegate.request('PATCH', path, { status: 'confirmed' })).statusCode).toBe(
          403,
        );
        expect((await delegate.request('PATCH', path, { status: 'accepted' })).json().status).toBe(
          'accepted',
        );
      });
      it('checks delegation and role on the merged participation', async () => {
        const id = await nomination();
        expect(
          (
            await organiser.request('PATCH', `/api/v1/participations/${id}`, {
              delegationId: null,
              role: 'head_of_delegation',
            })
          ).statusCode,
        ).toBe(400);
        expect(
          (
            await organiser.request('PATCH', `/api/v1/participations/${id}`, {
              delegationId: foreignDelegation,
            })
          ).json().errors[0].field,
        ).toBe('body.delegationId');
        expect(
          (
            await organiser.request('PATCH', `/api/v1/participations/${id}`, { status: 'promoted' })
          ).json().errors[0].field,
        ).toBe('body.status');
      });
      it('answers 404 to the public and 403 to sponsors', async () => {
        const id = await nomination();
        expect(
          (
            await publicClient(t).request('PATCH', `/api/v1/participations/${id}`, {
              status: 'withdrawn',
            })
          ).statusCode,
        ).toBe(404);
        expect(
          (await sponsor.request('PATCH', `/api/v1/participations/${id}`, { status: 'withdrawn' }))
            .statusCode,
        ).toBe(403);
      });
    });

    describe('#rounds.balance', () => {
      it('counts the room by delegation, background, gender, role and status', async () => {
        const round = await buildRound(db(), { series_id: seriesId, number: 7 });
        const woman = await buildPerson(db(), { background: 'academic', gender: 'woman' });
        const man = await buildPerson(db(), { background: 'media', gender: 'man' });
        const gone = await buildPerson(db(), { background: 'media', gender: 'man' });
        await buildParticipation(db(), {
          round_id: round.id,
          person_id: woman.id,
          delegation_id: us,
          role: 'head_of_delegation',
        });
        await buildParticipation(db(), {
          round_id: round.id,
          person_id: man.id,
          delegation_id: pk,
          status: 'nominated',
        });
        await buildParticipation(db(), {
          round_id: round.id,
          person_id: gone.id,
          delegation_id: pk,
          status: 'withdrawn',
        });
        const res = await organiser.request('GET', `/api/v1/rounds/${round.id}/balance`);
        expect(res.statusCode).toBe(200);
        const b = res.json();
        const count = (bars: Array<{ key: string; count: number }>, key: string) =>
          bars.find((x) => x.key === key)?.count;
        expect(b.counted).toBe(2);
        expect(count(b.byDelegation, us)).toBe(1);
        expect(count(b.byDelegation, pk)).toBe(1);
        expect(count(b.byDelegation, 'none')).toBe(0);
        expect(count(b.byGender, 'woman')).toBe(1);
        expect(count(b.byBackground, 'media')).toBe(1);
        expect(count(b.byRole, 'head_of_delegation')).toBe(1);
        expect(count(b.byStatus, 'withdrawn')).toBe(1);
        expect(b.byBackground).toHaveLength(9);
      });
      it('is for organisers and focal points only', async () => {
        expect(
          (await usFocalPoint.request('GET', `/api/v1/rounds/${roundId}/balance`)).statusCode,
        ).toBe(200);
        expect(
          (await publicClient(t).request('GET', `/api/v1/rounds/${roundId}/balance`)).statusCode,
        ).toBe(404);
        expect((await sponsor.request('GET', `/api/v1/rounds/${roundId}/balance`)).statusCode).toBe(
          403,
        );
        expect(
          (await delegate.request('GET', `/api/v1/rounds/${roundId}/balance`)).statusCode,
        ).toBe(403);
        expect((await organiser.request('GET', '/api/v1/rounds/nope/balance')).statusCode).toBe(
          404,
        );
      });
    });
  });
}
