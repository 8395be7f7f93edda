import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildMember,
  buildRound,
  buildSeries,
  buildSession,
  buildUser,
  sessionClient,
} from '../support/factories.ts';

const round2 = {
  number: 2,
  city: 'Islamabad',
  country: 'Pakistan',
  venue: 'Serena Hotel',
  timeZone: 'Asia/Karachi',
  startsOn: '2026-04-05',
  endsOn: '2026-04-06',
  umbrellaTheme: 'Regional stability',
};

for (const dialect of testDialects()) {
  describe(`[${dialect}] rounds routes`, () => {
    let t: TestApp;
    let seriesId: string;
    let otherSeriesId: string;
    let convener: Client;
    let partner: Client;
    let focalPoint: Client;
    let otherOrganiser: Client;
    let nextNumber = 10;
    const db = () => t.deps.db.kysely;
    const newRound = (overrides: Record<string, unknown> = {}) => ({
      ...round2,
      number: nextNumber++,
      ...overrides,
    });

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const series = await buildSeries(db());
      const other = await buildSeries(db());
      seriesId = series.id;
      otherSeriesId = other.id;
      const [c, p, f, o] = await Promise.all([
        buildUser(db()),
        buildUser(db()),
        buildUser(db()),
        buildUser(db()),
      ]);
      await buildMember(db(), { series_id: seriesId, user_id: c.id, role: 'organiser' });
      await buildMember(db(), { series_id: seriesId, user_id: p.id, role: 'organiser' });
      await buildMember(db(), {
        series_id: seriesId,
        user_id: f.id,
        role: 'focal_point',
        delegation_id: series.delegations[0].id,
      });
      await buildMember(db(), { series_id: otherSeriesId, user_id: o.id, role: 'organiser' });
      [convener, partner, focalPoint, otherOrganiser] = await Promise.all(
        [c, p, f, o].map((u) => sessionClient(t, u.id)),
      );
    });
    afterAll(() => t.close());

    describe('#rounds.create', () => {
      it('lets an organiser add a planned round', async () => {
        const res = await convener.request('POST', `/api/v1/series/${seriesId}/rounds`, round2);
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({
          seriesId,
          number: 2,
          city: 'Islamabad',
          status: 'planned',
          previousRoundId: null,
        });
      });
      it('gives a partner the same rights as the convener', async () => {
        expect(
          (await partner.request('POST', `/api/v1/series/${seriesId}/rounds`, newRound()))
            .statusCode,
        ).toBe(201);
      });
      it('should require authentication', async () => {
        expect(
          (await publicClient(t).request('POST', `/api/v1/series/${seriesId}/rounds`, newRound()))
            .statusCode,
        ).toBe(401);
      });
      it('refuses focal points and organisers of another series', async () => {
        expect(
          (await focalPoint.request('POST', `/api/v1/series/${seriesId}/rounds`, newRound()))
            .statusCode,
        ).toBe(403);
        expect(
          (await otherOrganiser.request('POST', `/api/v1/series/${seriesId}/rounds`, newRound()))
            .statusCode,
        ).toBe(403);
      });
      it('answers 404 for an unknown series', async () => {
        expect(
          (await convener.request('POST', '/api/v1/series/nope/rounds', newRound())).statusCode,
        ).toBe(404);
      });
      it('refuses an end before the start, naming body.endsOn', async () => {
        const res = await convener.request(
          'POST',
          `/api/v1/series/${seriesId}/rounds`,
          newRound({ startsOn: '2026-04-06', endsOn: '2026-04-05' }),
        );
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.endsOn');
      });
      it('refuses a date that does not exist', async () => {
        const res = await convener.request(
          'POST',
          `/api/v1/series/${seriesId}/rounds`,
          newRound({ startsOn: '2026-02-30' }),
        );
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.startsOn');
      });
      it('refuses an unknown time zone, naming body.timeZone', async () => {
        for (const timeZone of ['Mars/Olympus_Mons', 'PKT', '+05:00', '']) {
          const res = await convener.request(
            'POST',
            `/api/v1/series/${seriesId}/rounds`,
            newRound({ timeZone }),
          );
          expect(res.statusCode).toBe(400);
          expect(res.json().errors[0].field).toBe('body.timeZone');
          expect(res.json().errors[0].message).toContain('IANA');
        }
        const missing = await convener.request('POST', `/api/v1/series/${seriesId}/rounds`, {
          ...newRound(),
          timeZone: undefined,
        });
        expect(missing.json().errors[0].field).toBe('body.timeZone');
      });
      it('answers 409 for a number the series already has', async () => {
        const res = await convener.request('POST', `/api/v1/series/${seriesId}/rounds`, round2);
        expect(res.statusCode).toBe(409);
        expect(res.json().errors[0].field).toBe('body.number');
      });
      it('accepts a previous round of the same series and refuses one of another series', async () => {
        const previous = await buildRound(db(), { series_id: seriesId, number: nextNumber++ });
        const foreign = await buildRound(db(), { series_id: otherSeriesId, number: 1 });
        const ok = await convener.request(
          'POST',
          `/api/v1/series/${seriesId}/rounds`,
          newRound({ previousRoundId: previous.id }),
        );
        expect(ok.statusCode).toBe(201);
        expect(ok.json().previousRoundId).toBe(previous.id);
        const bad = await convener.request(
          'POST',
          `/api/v1/series/${seriesId}/rounds`,
          newRound({ previousRoundId: foreign.id }),
        );
        expect(bad.statusCode).toBe(400);
        expect(bad.json().errors[0].field).toBe('body.previousRoundId');
      });
    });

    describe('#rounds.list', () => {
      it('is public, ordered by number and paginated', async () => {
        const res = await publicClient(t).request(
          'GET',
          `/api/v1/series/${seriesId}/rounds?limit=2`,
        );
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toHaveLength(2);
        expect(res.json().items[0].number).toBeLessThan(res.json().items[1].number);
        expect(res.json().total).toBeGreaterThanOrEqual(3);
      });
      it('answers 404 for an unknown series', async () => {
        expect(
          (await publicClient(t).request('GET', '/api/v1/series/nope/rounds')).statusCode,
        ).toBe(404);
      });
    });

    describe('#rounds.get', () => {
      it('is public', async () => {
        const round = await buildRound(db(), {
          series_id: seriesId,
          number: nextNumber++,
          city: 'Washington, DC',
        });
        const res = await publicClient(t).request('GET', `/api/v1/rounds/${round.id}`);
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          city: 'Washington, DC',
          startsOn: '2026-04-05',
          status: 'planned',
        });
      });
      it('answers 404 for an unknown id', async () => {
        const res = await publicClient(t).request('GET', '/api/v1/rounds/nope');
        expect(res.statusCode).toBe(404);
        expect(res.headers['content-type']).toContain('application/problem+json');
      });
    });

    describe('#rounds.update', () => {
      it('changes only the fields sent', async () => {
        const round = await buildRound(db(), {
          series_id: seriesId,
          number: nextNumber++,
          venue: 'Serena Hotel',
          umbrella_theme: 'Theme',
        });
        const res = await partner.request('PATCH', `/api/v1/rounds/${round.id}`, {
          city: 'Lahore',
        });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({
          city: 'Lahore',
          venue: 'Serena Hotel',
          umbrellaTheme: 'Theme',
        });
      });
      it('refuses an end date before the stored start, naming body.endsOn', async () => {
        const round = await buildRound(db(), { series_id: seriesId, number: nextNumber++ });
        const res = await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
          endsOn: '2026-04-01',
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.endsOn');
      });
      it('follows ROUND_TRANSITIONS and names the allowed next states', async () => {
        const round = await buildRound(db(), { series_id: seriesId, number: nextNumber++ });
        const skip = await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
          status: 'report_published',
        });
        expect(skip.statusCode).toBe(409);
        expect(skip.json().detail).toContain('in_session');
        expect(skip.json().errors[0].field).toBe('body.status');
        expect(
          (
            await convener.request('PATCH', `/api/v1/rounds/${round.id}`, { status: 'in_session' })
          ).json().status,
        ).toBe('in_session');
        expect(
          (
            await convener.request('PATCH', `/api/v1/rounds/${round.id}`, { status: 'concluded' })
          ).json().status,
        ).toBe('concluded');
      });
      it('answers 409 when the new number is taken', async () => {
        const round = await buildRound(db(), { series_id: seriesId, number: nextNumber++ });
        const res = await convener.request('PATCH', `/api/v1/rounds/${round.id}`, { number: 2 });
        expect(res.statusCode).toBe(409);
      });
      it('refuses to name the round itself as its previous round', async () => {
        const round = await buildRound(db(), { series_id: seriesId, number: nextNumber++ });
        const res = await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
          previousRoundId: round.id,
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.previousRoundId');
      });
      it('refuses new dates that would leave a session outside', async () => {
        const round = await buildRound(db(), {
          series_id: seriesId,
          number: nextNumber++,
          starts_on: '2026-04-05',
          ends_on: '2026-04-06',
        });
        await buildSession(db(), {
          round_id: round.id,
          starts_at: '2026-04-06T09:30:00+05:00',
          ends_at: '2026-04-06T11:00:00+05:00',
        });
        const later = await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
          startsOn: '2026-04-07',
          endsOn: '2026-04-08',
        });
        expect(later.statusCode).toBe(400);
        expect(later.json().errors[0].field).toBe('body.startsOn');
        const shorter = await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
          endsOn: '2026-04-05',
        });
        expect(shorter.statusCode).toBe(400);
        expect(shorter.json().errors[0].field).toBe('body.endsOn');
        expect(
          (
            await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
              startsOn: '2026-04-04',
            })
          ).statusCode,
        ).toBe(200);
      });
      it('refuses a new zone in which a session would fall outside the round', async () => {
        const round = await buildRound(db(), {
          series_id: seriesId,
          number: nextNumber++,
          starts_on: '2026-04-05',
          ends_on: '2026-04-06',
        });
        // 01:00 in Islamabad on April 5 is still April 4 in New York.
        await buildSession(db(), { round_id: round.id, starts_at: '2026-04-05T01:00:00+05:00' });
        const moved = await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
          timeZone: 'America/New_York',
        });
        expect(moved.statusCode).toBe(400);
        expect(moved.json().errors[0].field).toBe('body.startsOn');
        const fine = await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
          timeZone: 'Asia/Dubai',
        });
        expect(fine.statusCode).toBe(200);
        expect(fine.json().timeZone).toBe('Asia/Dubai');
      });
      it('refuses the public, focal points and unknown fields', async () => {
        const round = await buildRound(db(), { series_id: seriesId, number: nextNumber++ });
        expect(
          (await publicClient(t).request('PATCH', `/api/v1/rounds/${round.id}`, { city: 'X' }))
            .statusCode,
        ).toBe(401);
        expect(
          (await focalPoint.request('PATCH', `/api/v1/rounds/${round.id}`, { city: 'X' }))
            .statusCode,
        ).toBe(403);
        expect(
          (
            await convener.request('PATCH', `/api/v1/rounds/${round.id}`, {
              seriesId: otherSeriesId,
            })
          ).statusCode,
        ).toBe(400);
      });
    });

    describe('#rounds.delete', () => {
      it('deletes a planned round with its sessions', async () => {
        const round = await buildRound(db(), { series_id: seriesId, number: nextNumber++ });
        await buildSession(db(), { round_id: round.id });
        expect((await convener.request('DELETE', `/api/v1/rounds/${round.id}`)).statusCode).toBe(
          204,
        );
        expect(
          (await publicClient(t).request('GET', `/api/v1/rounds/${round.id}`)).statusCode,
        ).toBe(404);
      });
      it('keeps a round that has been in session', async () => {
        const round = await buildRound(db(), {
          series_id: seriesId,
          number: nextNumber++,
          status: 'concluded',
        });
        expect((await convener.request('DELETE', `/api/v1/rounds/${round.id}`)).statusCode).toBe(
          409,
        );
      });
      it('refuses the public and other series’ organisers', async () => {
        const round = await buildRound(db(), { series_id: seriesId, number: nextNumber++ });
        expect(
          (await publicClient(t).request('DELETE', `/api/v1/rounds/${round.id}`)).statusCode,
        ).toBe(401);
        expect(
          (await otherOrganiser.request('DELETE', `/api/v1/rounds/${round.id}`)).statusCode,
        ).toBe(403);
      });
    });
  });
}
