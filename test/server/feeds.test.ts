import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldLine, icsText, renderRoundsIcs } from '../../src/server/pages/feeds.ics.ts';
import { createTestApp, signIn, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildRound, buildSession } from '../support/factories.ts';
import { buildReportableRound, publishThroughApi } from './reports.fixture.ts';

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(icsText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
  it('escapes a bare CR too, so a title cannot start a property of its own', () => {
    expect(icsText('a\rb\r\nc\nd')).toBe('a\\nb\\nc\\nd');
    const ics = renderRoundsIcs(
      [
        {
          id: 'r1',
          slug: 's',
          seriesTitle: 'Talks\rX-INJECTED:1\rATTACH:http://evil.example',
          number: 1,
          city: 'Doha',
          country: 'Qatar',
          venue: 'Hall\r',
          startsOn: '2026-01-01',
          endsOn: '2026-01-02',
          umbrellaTheme: 'Water\rand peace',
          timeZone: 'Asia/Qatar',
        },
      ],
      'https://dialogue.example',
      new Date('2026-01-01T00:00:00Z'),
    );
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'SUMMARY:Talks\\nX-INJECTED:1\\nATTACH:http://evil.example: round 1\r\n',
    );
    expect(unfolded).toContain('DESCRIPTION:Water\\nand peace\r\n');
  });
  it('folds lines at 75 octets without splitting a character', () => {
    const folded = foldLine(`SUMMARY:${'اسلام آباد '.repeat(12)}`);
    for (const line of folded.split('\r\n'))
      expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.split('\r\n ').join('')).toBe(`SUMMARY:${'اسلام آباد '.repeat(12)}`);
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] feeds`, () => {
    let t: TestApp;
    let admin: Client;
    let fixture: Awaited<ReturnType<typeof buildReportableRound>>;
    beforeAll(async () => {
      t = await createTestApp(dialect, {
        live: false,
        env: { PUBLIC_URL: 'https://dialogue.example' },
      });
      admin = await signIn(t, { isAdmin: true });
      fixture = await buildReportableRound(t.deps.db.kysely, {
        title: 'Rivers, Roads; and "Trade"',
      });
    });
    afterAll(() => t.close());

    it('an Atom feed lists published reports only, escaped', async () => {
      const empty = await t.app.inject({ url: '/feeds/reports.atom' });
      expect(empty.headers['content-type']).toContain('application/atom+xml');
      expect(empty.body).not.toContain('<entry>');
      const report = await publishThroughApi(admin, fixture.round.id);
      const res = await t.app.inject({ url: '/feeds/reports.atom' });
      expect(res.body).toMatch(
        /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
      );
      expect(res.body).toContain(`<id>urn:uuid:${report.id}</id>`);
      expect(res.body).toContain(
        '<title>Third round of the Rivers, Roads; and &quot;Trade&quot; held in Harbour Hall, Southbay on June 1-3.</title>',
      );
      expect(res.body).toContain(
        `href="https://dialogue.example/series/${fixture.series.slug}/rounds/3"`,
      );
      expect(res.body).toContain(
        '<summary type="text">The third round of the Rivers, Roads; and &quot;Trade&quot; was held',
      );
    });
    it('an iCal feed has every round as an all-day event, with CRLF line ends and escaped text', async () => {
      const res = await t.app.inject({ url: '/feeds/rounds.ics' });
      expect(res.headers['content-type']).toContain('text/calendar');
      expect(res.body.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
      expect(res.body.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(res.body.replace(/\r\n/g, '')).not.toMatch(/\n/);
      const unfolded = res.body.replace(/\r\n /g, '');
      expect(unfolded).toContain('DTSTART;VALUE=DATE:20260601\r\nDTEND;VALUE=DATE:20260604\r\n');
      expect(unfolded).toContain('DTSTART;VALUE=DATE:20260210\r\nDTEND;VALUE=DATE:20260212\r\n');
      expect(unfolded).toContain('SUMMARY:Rivers\\, Roads\\; and "Trade": round 3\r\n');
      expect(unfolded).toContain('LOCATION:Harbour Hall\\, Southbay\\, Southland\r\n');
      expect(unfolded).toContain(`UID:round-${fixture.round.id}@dialogue.example\r\n`);
      expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    });
    it('a round and a session each have an .ics, timed in UTC with the venue zone named', async () => {
      const db = t.deps.db.kysely;
      const round = await buildRound(db, {
        series_id: fixture.series.id,
        number: 9,
        starts_on: '2026-04-05',
        ends_on: '2026-04-06',
        time_zone: 'Asia/Karachi',
      });
      const timed = await buildSession(db, {
        round_id: round.id,
        title: 'Managing militancy',
        starts_at: '2026-04-05T09:30:00+05:00',
        ends_at: '2026-04-05T11:00:00+05:00',
      });
      await buildSession(db, { round_id: round.id, position: 2, title: 'Closing' });
      const res = await t.app.inject({ url: `/feeds/rounds/${round.id}/calendar.ics` });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/calendar');
      const unfolded = res.body.replace(/\r\n /g, '');
      expect(unfolded).toContain('X-WR-TIMEZONE:Asia/Karachi\r\n');
      expect(unfolded).toContain('DTSTART:20260405T043000Z\r\nDTEND:20260405T060000Z\r\n');
      expect(unfolded).toContain('09:30 PKT\\, 5 April 2026 – 11:00 PKT\\, 5 April 2026');
      expect(unfolded).toContain('SUMMARY:Closing\r\n');
      expect(unfolded.match(/BEGIN:VEVENT/g)).toHaveLength(3);
      const one = await t.app.inject({ url: `/feeds/sessions/${timed.id}/calendar.ics` });
      expect(one.statusCode).toBe(200);
      expect(one.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
      expect(one.body).toContain(`UID:session-${timed.id}@dialogue.example`);
      expect((await t.app.inject({ url: '/feeds/sessions/nope/calendar.ics' })).statusCode).toBe(
        404,
      );
    });
  });
}
