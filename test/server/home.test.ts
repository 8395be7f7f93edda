import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FICTIONAL_ATTENDEES } from '../../src/demo/fictional.ts';
import { loadDemo } from '../../src/demo/load.ts';
import { formatDateRange } from '../../src/server/pages/home.page.ts';
import { createTestApp, publicClient, signIn, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';

/** The page's text with the layout whitespace between and inside tags collapsed, to match markup. */
async function homeText(t: TestApp) {
  const res = await publicClient(t).request('GET', '/');
  expect(res.statusCode).toBe(200);
  return res.body.replace(/>\s+</g, '><').replace(/\s+/g, ' ');
}

describe('formatDateRange', () => {
  it('writes ranges the way people read them', () => {
    expect(formatDateRange('2026-04-05', '2026-04-06')).toBe('5–6 April 2026');
    expect(formatDateRange('2026-04-05', '2026-04-05')).toBe('5 April 2026');
    expect(formatDateRange('2026-04-30', '2026-05-02')).toBe('30 April – 2 May 2026');
    expect(formatDateRange('2026-12-30', '2027-01-02')).toBe('30 December 2026 – 2 January 2027');
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] GET /`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(dialect);
    });
    afterAll(() => t.close());

    it('says there is no series yet on an empty database, as an accessible page', async () => {
      const res = await publicClient(t).request('GET', '/');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.body).toContain('<html lang="en">');
      expect(res.body).toContain('<a class="skip" href="#main">');
      expect(res.body.match(/<main\b/g)).toHaveLength(1);
      expect(res.body).toMatch(/<header>[\s\S]*<main id="main">[\s\S]*<footer>/);
      expect(res.body).not.toMatch(/<script/i);
      expect(res.body).toContain('No dialogue series yet');
    });

    it('lists the demo series: organisers by part, delegations, rounds with place, dates, status, theme and sessions', async () => {
      await loadDemo(t.deps.db);
      const body = await homeText(t);
      for (const text of [
        'US-Pakistan Bilateral (Track-II/I.5) Dialogue',
        '<p class="track">Track-II/I.5</p>',
        '<dt>Convened by</dt><dd>Regional Peace Institute (RPI)</dd>',
        '<dt>In partnership with</dt><dd>Wilson Center</dd>',
        '<dt>Supported by</dt><dd>US Embassy, Pakistan</dd>',
        'United States · Pakistan',
        'Round 1: Washington, DC, United States',
        '3–4 January 2026',
        'Round 2: Islamabad, Pakistan',
        '5–6 April 2026',
        'Report published',
        'Theme: Convergence amid Divergence: Identifying Pathways to Cooperation in a Challenging Environment',
        '<span class="kind">Inaugural session</span>',
        '<span class="kind">Working session 4</span>: Overcoming shadows from the past – How can economic assistance to Pakistan work best for both countries?',
        'South-Asia’s new geopolitical realities?',
        '(Chatham House Rule)',
      ]) {
        expect(body).toContain(text);
      }
    });

    it('names the delegates of a round whose report is published, as the announcement does', async () => {
      const body = await homeText(t);
      expect(body).toContain(
        '<dt>Delegates from United States</dt><dd>David Smith, Michael Kugelman, Richard Boucher, Robin Raphel, Tricia Bacon</dd>',
      );
      const pakistan = body.match(/<dt>Delegates from Pakistan<\/dt><dd>([^<]*)<\/dd>/)?.[1] ?? '';
      for (const name of [
        'Dr. Ashfaque Hasan Khan',
        'Ambassador Ashraf Jehangir Qazi',
        'Ambassador Mohammad Sadiq',
        'Tariq Khosa',
        'Raoof Hasan',
      ])
        expect(pakistan).toContain(name);
    });

    it('names no one else: no attendees, no staff, no accounts', async () => {
      const body = await homeText(t);
      for (const name of [...FICTIONAL_ATTENDEES.map((a) => a.fullName), 'Iris Fenwold']) {
        expect(body).not.toContain(name);
      }
      expect(body).not.toContain('@demo.parley.invalid');
    });

    it('shows a signed-in admin the same public page', async () => {
      const admin = await signIn(t, { isAdmin: true });
      const [mine, theirs] = await Promise.all([
        admin.request('GET', '/'),
        publicClient(t).request('GET', '/'),
      ]);
      expect(mine.body).toBe(theirs.body);
    });

    it('escapes whatever organisers type', async () => {
      const admin = await signIn(t, { isAdmin: true });
      const created = await admin.request('POST', '/api/v1/series', {
        slug: 'escape-test',
        title: '<script>alert("x")</script> & co',
        delegations: ['A <b>', 'B'],
      });
      expect(created.statusCode).toBe(201);
      const body = await homeText(t);
      expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
      expect(body).toContain('A &lt;b&gt; · B');
      expect(body).not.toContain('<script>');
    });
  });
}
