import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTENDEE_BACKGROUNDS } from '../../src/demo/announcement.ts';
import { demoId } from '../../src/demo/document.ts';
import {
  DEMO_LOGINS,
  DEMO_PASSWORD,
  DEMO_SERIES_SLUG,
  DemoExistsError,
  loadDemo,
} from '../../src/demo/load.ts';
import { DEMO_STATEMENTS, type VoteProfile } from '../../src/demo/room.ts';
import { buildSeriesDocument } from '../../src/server/transfer/export.ts';
import { createTestApp, loginAs, publicClient, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

// The facts of the announcement, typed out again here (not imported) so the test checks the data.
const SUB_THEMES = [
  'Shifting dynamics, emerging alliances and widening economic connectivity – Can US-Pakistan relations adjust to South-Asia’s new geopolitical realities?',
  'Squeezed between internal strife and external pressure – Can there be a mutually agreeable endgame for peace in Afghanistan?',
  'Managing militancy – Opportunities and limits of US-Pakistan counter-terrorism cooperation',
  'Overcoming shadows from the past – How can economic assistance to Pakistan work best for both countries?',
];
const US = [
  'Richard Boucher',
  'Robin Raphel',
  'David Smith',
  'Tricia Bacon',
  'Michael Kugelman',
].map((fullName) => ({
  honorific: '',
  fullName,
}));
const PAKISTAN = [
  { honorific: 'Dr.', fullName: 'Ashfaque Hasan Khan' },
  { honorific: 'Ambassador', fullName: 'Ashraf Jehangir Qazi' },
  { honorific: 'Ambassador', fullName: 'Mohammad Sadiq' },
  { honorific: '', fullName: 'Tariq Khosa' },
  { honorific: '', fullName: 'Raoof Hasan' },
];

type Row = Record<string, any>;

const PLANTED: Record<VoteProfile, string> = {
  convergence: 'convergence',
  'pakistan-agrees': 'divergence',
  'us-agrees': 'divergence',
  'split-in-pakistan': 'contested-within',
  'split-in-us': 'contested-within',
  uncertain: 'uncertain',
};

for (const dialect of testDialects()) {
  describe(`[${dialect}] the demo`, () => {
    let t: TestApp;
    let doc: Record<string, any>;
    const people = () => new Map<string, Row>(doc.people.map((p: Row) => [p.id, p]));
    const delegationName = (id: string | null) =>
      doc.delegations.find((d: Row) => d.id === id)?.name ?? null;
    const inRole = (role: string): Row[] =>
      doc.participations
        .filter((p: Row) => p.role === role)
        .map((p: Row) => ({ ...people().get(p.personId)!, side: delegationName(p.delegationId) }));

    beforeAll(async () => {
      t = await createTestApp(dialect);
      await loadDemo(t.deps.db);
      doc = await buildSeriesDocument(t.deps.db.kysely, DEMO_SERIES_SLUG);
    });
    afterAll(() => t.close());

    it('is the announced series with its organisers, parts and delegations (public API)', async () => {
      const res = await publicClient(t).request('GET', '/api/v1/series');
      const [series] = res.json().items;
      expect(series).toMatchObject({
        title: 'US-Pakistan Bilateral (Track-II/I.5) Dialogue',
        trackLabel: 'Track-II/I.5',
        slug: DEMO_SERIES_SLUG,
      });
      expect(series.description).toContain(
        'The announcement gives no year; this demo places both rounds in 2026.',
      );
      expect(series.organisations.map((o: Row) => [o.part, o.name])).toEqual([
        ['convener', 'Regional Peace Institute'],
        ['partner', 'Wilson Center'],
        ['sponsor', 'US Embassy, Pakistan'],
      ]);
      expect(series.organisations[0].shortName).toBe('RPI');
      expect(series.delegations.map((d: Row) => d.name)).toEqual(['United States', 'Pakistan']);
    });

    it('has both rounds with their cities, dates, status and the umbrella theme word for word', () => {
      expect(
        doc.rounds.map((r: Row) => [r.number, r.city, r.country, r.startsOn, r.endsOn, r.status]),
      ).toEqual([
        [1, 'Washington, DC', 'United States', '2026-01-03', '2026-01-04', 'concluded'],
        [2, 'Islamabad', 'Pakistan', '2026-04-05', '2026-04-06', 'report_published'],
      ]);
      expect(doc.rounds[1].previousRoundId).toBe(doc.rounds[0].id);
      expect(doc.rounds[1].umbrellaTheme).toBe(
        'Convergence amid Divergence: Identifying Pathways to Cooperation in a Challenging Environment',
      );
    });

    it('has the inaugural session (on the record) and the four working sessions with their sub-themes (Chatham House)', () => {
      const sessions = doc.sessions.filter((s: Row) => s.roundId === doc.rounds[1].id);
      expect(sessions.map((s: Row) => [s.kind, s.attributionRule])).toEqual([
        ['inaugural', 'on_record'],
        ...SUB_THEMES.map(() => ['working', 'chatham_house']),
      ]);
      expect(sessions.slice(1).map((s: Row) => s.title)).toEqual(SUB_THEMES);
    });

    it('has the ten delegates as named, honorifics apart, in their delegations, with nothing invented about them', () => {
      const delegates = inRole('delegate');
      expect(
        delegates
          .filter((d) => d.side === 'United States')
          .map((d) => ({ honorific: d.honorific, fullName: d.fullName })),
      ).toEqual(expect.arrayContaining(US));
      expect(
        delegates
          .filter((d) => d.side === 'Pakistan')
          .map((d) => ({ honorific: d.honorific, fullName: d.fullName })),
      ).toEqual(expect.arrayContaining(PAKISTAN));
      expect(delegates).toHaveLength(10);
      for (const d of delegates)
        expect([d.affiliation, d.background, d.gender]).toEqual(['', 'other', 'undisclosed']);
      expect(JSON.stringify(doc)).not.toMatch(/Ambasasdor|Traiq/);
    });

    it('has twenty-five clearly fictional attendees across the listed backgrounds, both sides and none, women and men', () => {
      const attendees = inRole('attendee');
      expect(attendees).toHaveLength(25);
      for (const a of attendees) expect(a.affiliation).toBe('Fictional attendee (demo)');
      expect(new Set(attendees.map((a) => a.background))).toEqual(new Set(ATTENDEE_BACKGROUNDS));
      expect(new Set(attendees.map((a) => a.side))).toEqual(
        new Set(['United States', 'Pakistan', null]),
      );
      const women = attendees.filter((a) => a.gender === 'woman').length;
      expect(women).toBeGreaterThanOrEqual(10);
      expect(25 - women).toBeGreaterThanOrEqual(10);
      const real = new Set([...US, ...PAKISTAN].map((p) => p.fullName));
      for (const a of attendees) expect(real.has(a.fullName)).toBe(false);
    });

    describe('the simulated working session', () => {
      const sessionId = demoId('session:2:1');
      const realNames = new Set([...US, ...PAKISTAN].map((p) => p.fullName));
      const personOf = (participationId: string | null): Row | null => {
        const participation = doc.participations.find((p: Row) => p.id === participationId);
        return participation
          ? { ...people().get(participation.personId)!, role: participation.role }
          : null;
      };

      it('is round 2’s first working session, under the Chatham House Rule, and says it is simulated', () => {
        const session = doc.sessions.find((s: Row) => s.id === sessionId);
        expect([session.title, session.attributionRule]).toEqual([SUB_THEMES[0], 'chatham_house']);
        expect(doc.series.description).toContain(
          'Working session 1 holds simulated statements and votes from the fictional attendees',
        );
      });

      it('holds approved statements of every kind, each with an Urdu translation, in that session only', () => {
        expect(doc.statements.length).toBeGreaterThanOrEqual(16);
        expect(doc.statements.length).toBeLessThanOrEqual(20);
        for (const s of doc.statements) {
          expect([s.sessionId, s.status, s.language]).toEqual([sessionId, 'approved', 'en']);
          expect(s.translation).toMatch(/^[\u0600-\u06FF\s،؛؟۔\-–’()]+$/);
        }
        expect(new Set(doc.statements.map((s: Row) => s.kind))).toEqual(
          new Set(['idea', 'mechanism', 'concern', 'information_gap', 'question']),
        );
        expect(doc.votes.every((v: Row) => v.sessionId === sessionId)).toBe(true);
      });

      it('has authors only among the fictional attendees, or none (seeded)', () => {
        for (const s of doc.statements) {
          if (s.origin === 'seeded')
            expect([s.authorParticipationId, s.authorUserId]).toEqual([null, null]);
          else {
            const author = personOf(s.authorParticipationId)!;
            expect([s.origin, author.role, author.affiliation]).toEqual([
              'submitted',
              'attendee',
              'Fictional attendee (demo)',
            ]);
            expect(realNames.has(author.fullName)).toBe(false);
          }
        }
        expect(doc.statements.some((s: Row) => s.origin === 'seeded')).toBe(true);
      });

      it('has votes from the fictional attendees only, nearly all of them on nearly everything, and none from a real delegate', () => {
        const voters = new Set(doc.votes.map((v: Row) => v.participationId));
        for (const id of voters) {
          const voter = personOf(id as string)!;
          expect([voter.role, voter.affiliation]).toEqual([
            'attendee',
            'Fictional attendee (demo)',
          ]);
          expect(realNames.has(voter.fullName)).toBe(false);
        }
        expect(voters.size).toBe(25);
        expect(doc.votes.length).toBeGreaterThan(0.9 * 25 * doc.statements.length);
        expect(doc.votes.length).toBeLessThanOrEqual(25 * doc.statements.length);
        expect(new Set(doc.votes.map((v: Row) => v.value))).toEqual(new Set([-1, 0, 1]));
      });

      it('is analysed on loading: convergence, divergence, contested and uncertain statements, for the analysis page', async () => {
        const row = await t.deps.db.kysely
          .selectFrom('analysis_results')
          .selectAll()
          .where('session_id', '=', sessionId)
          .executeTakeFirstOrThrow();
        expect(row.vote_count).toBe(doc.votes.length);
        // The release the analysis page shows (aggregates of at least k voters).
        const released = JSON.parse(row.summary).statements;
        const classes = released.map((s: Row) => s.classification);
        expect(classes.filter((c: string) => c === 'convergence').length).toBeGreaterThanOrEqual(5);
        expect(classes.filter((c: string) => c === 'divergence').length).toBeGreaterThanOrEqual(3);
        expect(classes).toContain('contested-within');
        expect(classes).toContain('uncertain');
        // Each statement is found to be what its votes were planted to show.
        const planted = new Map(
          DEMO_STATEMENTS.map((s, i) => [demoId(`statement:2:1:${i}`), PLANTED[s.profile]]),
        );
        // Each statement the release classifies (every delegation, and the attendees of neither,
        // with at least k voters on it) is what its votes were planted to show.
        const classified = released.filter((s: Row) => s.classification !== null);
        expect(classified.length).toBeGreaterThanOrEqual(released.length - 2);
        for (const s of classified) expect(s.classification).toBe(planted.get(s.statementId));

        const organiser = await loginAs(
          t,
          DEMO_LOGINS.find((l) => l.role === 'organiser')!.email,
          DEMO_PASSWORD,
        );
        const res = await organiser.request('GET', `/api/v1/sessions/${sessionId}/analysis`);
        expect(res.statusCode).toBe(200);
        expect(JSON.stringify(res.json())).toContain('divergence');
      });
    });

    it('gives one login per role, each signing in with the demo password to the right grants', async () => {
      const seriesId = demoId('series');
      const us = demoId('delegation:United States');
      const pk = demoId('delegation:Pakistan');
      const expected: Record<string, (me: Row) => void> = {
        admin: (me) => expect(me.user.isAdmin).toBe(true),
        organiser: (me) =>
          expect(me.seriesRoles).toEqual([{ seriesId, role: 'organiser', delegationId: null }]),
        partner: (me) =>
          expect(me.seriesRoles).toEqual([{ seriesId, role: 'organiser', delegationId: null }]),
        focalPointUs: (me) =>
          expect(me.seriesRoles).toEqual([{ seriesId, role: 'focal_point', delegationId: us }]),
        focalPointPakistan: (me) =>
          expect(me.seriesRoles).toEqual([{ seriesId, role: 'focal_point', delegationId: pk }]),
        rapporteur: (me) =>
          expect(me.participations.map((p: Row) => p.role)).toEqual(['rapporteur']),
        moderator: (me) => expect(me.participations.map((p: Row) => p.role)).toEqual(['moderator']),
        participant: (me) =>
          expect(me.participations).toEqual([
            { roundId: demoId('round:2'), role: 'attendee', delegationId: pk },
          ]),
        sponsor: (me) =>
          expect(me.seriesRoles).toEqual([{ seriesId, role: 'sponsor', delegationId: null }]),
      };
      expect(DEMO_LOGINS.map((l) => l.role).sort()).toEqual(Object.keys(expected).sort());
      for (const login of DEMO_LOGINS) {
        const client = await loginAs(t, login.email, DEMO_PASSWORD);
        const me = (await client.request('GET', '/api/v1/me')).json();
        expect(me.user.email).toBe(login.email);
        if (login.role !== 'admin') expect(me.user.isAdmin).toBe(false);
        expected[login.role](me);
      }
    });

    it('refuses to load twice', async () => {
      await expect(loadDemo(t.deps.db)).rejects.toBeInstanceOf(DemoExistsError);
    });
  });
}
