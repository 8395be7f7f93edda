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
  describe(`[${dialect}] people routes`, () => {
    let t: TestApp;
    let admin: Client;
    let organiser: Client;
    let focalPoint: Client;
    let sponsor: Client;
    let self: Client;
    let outsider: Client;
    let organiserId: string;
    let ownDelegate: { id: string };
    let otherDelegate: { id: string };
    let selfPerson: { id: string };
    const db = () => t.deps.db.kysely;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const series = await buildSeries(db(), {}, ['United States', 'Pakistan']);
      const [us, pk] = series.delegations;
      const round = await buildRound(db(), { series_id: series.id });
      ownDelegate = await buildPerson(db(), { full_name: 'Ambassador Us Delegate' });
      otherDelegate = await buildPerson(db(), { full_name: 'General Pk Delegate' });
      selfPerson = await buildPerson(db(), { full_name: 'Dr. Self' });
      await buildParticipation(db(), {
        round_id: round.id,
        person_id: ownDelegate.id,
        delegation_id: us.id,
      });
      await buildParticipation(db(), {
        round_id: round.id,
        person_id: otherDelegate.id,
        delegation_id: pk.id,
      });
      await buildParticipation(db(), {
        round_id: round.id,
        person_id: selfPerson.id,
        role: 'attendee',
      });
      const [a, o, f, s, me, x] = await Promise.all([
        buildUser(db(), { is_admin: 1 }),
        buildUser(db()),
        buildUser(db()),
        buildUser(db()),
        buildUser(db(), { person_id: selfPerson.id }),
        buildUser(db()),
      ]);
      organiserId = o.id;
      await buildMember(db(), { series_id: series.id, user_id: o.id, role: 'organiser' });
      await buildMember(db(), {
        series_id: series.id,
        user_id: f.id,
        role: 'focal_point',
        delegation_id: us.id,
      });
      await buildMember(db(), { series_id: series.id, user_id: s.id, role: 'sponsor' });
      [admin, organiser, focalPoint, sponsor, self, outsider] = await Promise.all(
        [a, o, f, s, me, x].map((u) => sessionClient(t, u.id)),
      );
    });
    afterAll(() => t.close());

    describe('#people.list', () => {
      it('gives organisers the whole directory and audits the read', async () => {
        const res = await organiser.request('GET', '/api/v1/people?limit=50');
        expect(res.statusCode).toBe(200);
        const names = res.json().items.map((p: { fullName: string }) => p.fullName);
        expect(names).toEqual(
          expect.arrayContaining(['Ambassador Us Delegate', 'General Pk Delegate', 'Dr. Self']),
        );
        const logged = await db()
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'people.view')
          .where('actor_user_id', '=', organiserId)
          .execute();
        expect(logged).toHaveLength(1);
        expect(JSON.parse(logged[0].detail)).toMatchObject({
          scope: 'all',
          returned: names.length,
        });
      });
      it('gives a focal point only the people of their delegation', async () => {
        const res = await focalPoint.request('GET', '/api/v1/people');
        expect(res.statusCode).toBe(200);
        expect(res.json().items.map((p: { id: string }) => p.id)).toEqual([ownDelegate.id]);
        expect(res.json().total).toBe(1);
      });
      it('answers 404 to the public and 403 to sponsors and other users', async () => {
        const pub = await publicClient(t).request('GET', '/api/v1/people');
        expect(pub.statusCode).toBe(404);
        expect(pub.headers['content-type']).toContain('application/problem+json');
        expect((await sponsor.request('GET', '/api/v1/people')).statusCode).toBe(403);
        expect((await self.request('GET', '/api/v1/people')).statusCode).toBe(403);
      });
    });

    describe('#people.get', () => {
      it('lets organisers, the admin, the person and their focal point read a person', async () => {
        expect(
          (await organiser.request('GET', `/api/v1/people/${otherDelegate.id}`)).statusCode,
        ).toBe(200);
        expect((await admin.request('GET', `/api/v1/people/${otherDelegate.id}`)).statusCode).toBe(
          200,
        );
        expect((await self.request('GET', `/api/v1/people/${selfPerson.id}`)).json().fullName).toBe(
          'Dr. Self',
        );
        expect(
          (await focalPoint.request('GET', `/api/v1/people/${ownDelegate.id}`)).statusCode,
        ).toBe(200);
      });
      it('refuses a focal point the other side’s people', async () => {
        expect(
          (await focalPoint.request('GET', `/api/v1/people/${otherDelegate.id}`)).statusCode,
        ).toBe(403);
      });
      it('answers 404 to the public, 403 to sponsors and outsiders', async () => {
        expect(
          (await publicClient(t).request('GET', `/api/v1/people/${ownDelegate.id}`)).statusCode,
        ).toBe(404);
        expect((await sponsor.request('GET', `/api/v1/people/${ownDelegate.id}`)).statusCode).toBe(
          403,
        );
        expect((await outsider.request('GET', `/api/v1/people/${selfPerson.id}`)).statusCode).toBe(
          403,
        );
      });
      it('answers 404 for an unknown id', async () => {
        expect((await admin.request('GET', '/api/v1/people/nope')).statusCode).toBe(404);
      });
    });

    describe('#people.create', () => {
      it('lets an organiser add a person with defaults', async () => {
        const res = await organiser.request('POST', '/api/v1/people', {
          fullName: 'Maleeha Example',
          honorific: 'Dr.',
          affiliation: 'An Institute',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          fullName: 'Maleeha Example',
          honorific: 'Dr.',
          background: 'other',
          gender: 'undisclosed',
        });
      });
      it('refuses the public, focal points and sponsors', async () => {
        expect(
          (await publicClient(t).request('POST', '/api/v1/people', { fullName: 'X' })).statusCode,
        ).toBe(401);
        expect(
          (await focalPoint.request('POST', '/api/v1/people', { fullName: 'X' })).statusCode,
        ).toBe(403);
        expect(
          (await sponsor.request('POST', '/api/v1/people', { fullName: 'X' })).statusCode,
        ).toBe(403);
      });
      it('names a bad background and a missing name', async () => {
        expect(
          (
            await admin.request('POST', '/api/v1/people', { fullName: 'X', background: 'spy' })
          ).json().errors[0].field,
        ).toBe('body.background');
        expect((await admin.request('POST', '/api/v1/people', {})).json().errors[0].field).toBe(
          'body.fullName',
        );
      });
    });

    describe('#people.update', () => {
      it('changes only the fields sent', async () => {
        const p = await buildPerson(db(), {
          full_name: 'Before',
          affiliation: 'Kept',
          background: 'media',
        });
        const res = await organiser.request('PATCH', `/api/v1/people/${p.id}`, {
          fullName: 'After',
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          fullName: 'After',
          affiliation: 'Kept',
          background: 'media',
        });
      });
      it('lets a person correct their own record', async () => {
        expect(
          (
            await self.request('PATCH', `/api/v1/people/${selfPerson.id}`, {
              affiliation: 'New Affiliation',
            })
          ).json().affiliation,
        ).toBe('New Affiliation');
      });
      it('refuses others’ records to outsiders, and the public gets 404', async () => {
        expect(
          (await outsider.request('PATCH', `/api/v1/people/${ownDelegate.id}`, { fullName: 'X' }))
            .statusCode,
        ).toBe(403);
        expect(
          (
            await focalPoint.request('PATCH', `/api/v1/people/${otherDelegate.id}`, {
              fullName: 'X',
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await publicClient(t).request('PATCH', `/api/v1/people/${ownDelegate.id}`, {
              fullName: 'X',
            })
          ).statusCode,
        ).toBe(404);
      });
    });
  });
}
