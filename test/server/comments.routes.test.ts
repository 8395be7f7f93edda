import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildReportableRound, publishThroughApi } from './reports.fixture.ts';

let addressCounter = 0;
/** Each test comments from its own address, so one test's flood does not limit another. */
const newAddress = () => `198.51.100.${++addressCounter}`;

for (const dialect of testDialects()) {
  describe(`[${dialect}] comments on a published report`, () => {
    let t: TestApp;
    let admin: Client;
    let reportId: string;
    let pagePath: string;
    const comment = (body: object, address: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/reports/${reportId}/comments`,
        payload: body,
        headers: { 'x-forwarded-for': address },
      });
    const pending = async () =>
      (await admin.request('GET', `/api/v1/reports/${reportId}/comments?status=pending`)).json()
        .items as Array<{
        id: string;
        name: string;
        email: string;
        text: string;
        parentId: string | null;
      }>;
    const approve = (id: string) =>
      admin.request('POST', `/api/v1/comments/${id}/moderation`, { decision: 'approve' });

    beforeAll(async () => {
      // Behind a proxy on this machine, as in production: each forwarded address is a visitor.
      t = await createTestApp(dialect, { live: false, env: { TRUST_PROXY: 'loopback' } });
      admin = await signIn(t, { isAdmin: true });
      const fixture = await buildReportableRound(t.deps.db.kysely);
      reportId = (await publishThroughApi(admin, fixture.round.id)).id;
      pagePath = `/series/${fixture.series.slug}/rounds/3`;
    });
    afterAll(() => t.close());

    it('holds a comment for moderation; once approved it is shown without its email', async () => {
      const res = await comment(
        { name: 'Amina Reader', email: 'amina@example.org', text: 'A thoughtful report.' },
        newAddress(),
      );
      expect(res.statusCode).toBe(202);
      expect(res.json().status).toBe('pending');
      const held = (await pending()).find((c) => c.name === 'Amina Reader')!;
      expect(held.email).toBe('amina@example.org');
      expect((await t.app.inject({ url: pagePath })).body).not.toContain('A thoughtful report.');
      expect((await approve(held.id)).json().status).toBe('approved');
      const page = (await t.app.inject({ url: pagePath })).body;
      expect(page).toContain('A thoughtful report.');
      expect(page).not.toContain('amina@example.org');
    });
    it('attaches a reply to a reply to the top-level comment (one level of replies)', async () => {
      await comment({ name: 'Top', text: 'Top-level.' }, newAddress());
      const top = (await pending()).find((c) => c.name === 'Top')!;
      await approve(top.id);
      await comment({ name: 'First reply', text: 'Replying.', parentId: top.id }, newAddress());
      const reply = (await pending()).find((c) => c.name === 'First reply')!;
      expect(reply.parentId).toBe(top.id);
      await approve(reply.id);
      await comment({ name: 'Reply to reply', text: 'Deeper.', parentId: reply.id }, newAddress());
      const deeper = (await pending()).find((c) => c.name === 'Reply to reply')!;
      expect(deeper.parentId).toBe(top.id);
      const unknownParent = await comment(
        { name: 'X', text: 'Y', parentId: 'no-such-comment' },
        newAddress(),
      );
      expect(unknownParent.statusCode).toBe(400);
      expect(unknownParent.json().errors[0].field).toBe('body.parentId');
    });
    it('drops a comment whose honeypot is filled, answering as if it were held', async () => {
      const res = await comment(
        { name: 'Bot', text: 'Buy now', website: 'http://spam.example' },
        newAddress(),
      );
      expect(res.statusCode).toBe(202);
      expect((await pending()).some((c) => c.name === 'Bot')).toBe(false);
    });
    it('refuses more than two links with a clear message, and takes two', async () => {
      const three = await comment(
        { name: 'Linker', text: 'See https://a.example, https://b.example and www.c.example' },
        newAddress(),
      );
      expect(three.statusCode).toBe(400);
      expect(three.json()).toMatchObject({
        detail: 'A comment may contain at most 2 links.',
        errors: [{ field: 'body.text' }],
      });
      expect(
        (
          await comment(
            { name: 'Linker', text: 'See https://a.example and https://b.example' },
            newAddress(),
          )
        ).statusCode,
      ).toBe(202);
    });
    it('rate-limits a flood from one address (429 with Retry-After), not other addresses', async () => {
      const address = newAddress();
      const statuses: number[] = [];
      for (let i = 0; i < 7; i += 1)
        statuses.push((await comment({ name: 'Flood', text: `Message ${i}` }, address)).statusCode);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
      const limited = await comment({ name: 'Flood', text: 'Again' }, address);
      expect(limited.headers['retry-after']).toBe('600');
      expect(limited.json().detail).toContain('at most 5 in 10 minutes');
      expect((await comment({ name: 'Neighbour', text: 'Hello' }, newAddress())).statusCode).toBe(
        202,
      );
    });
    it('names the bad field and refuses an empty comment', async () => {
      const res = await comment({ name: '', text: 'x', email: 'not-an-email' }, newAddress());
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .errors.map((e: { field: string }) => e.field)
          .sort(),
      ).toEqual(['body.email', 'body.name']);
    });
    it('shows a script payload as text, never as markup', async () => {
      await comment(
        { name: '<img src=x onerror="window.pwned=1">', text: '<script>window.pwned=1</script>' },
        newAddress(),
      );
      const c = (await pending()).find((x) => x.text.includes('<script>'))!;
      await approve(c.id);
      const page = (await t.app.inject({ url: pagePath })).body;
      expect(page).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
      expect(page).not.toContain('<script>window.pwned');
      expect(page).not.toContain('<img src=x');
    });
    it('is moderated by organisers only; comments on an unpublished report are 404', async () => {
      const someone = await signIn(t);
      expect(
        (await someone.request('GET', `/api/v1/reports/${reportId}/comments?status=pending`))
          .statusCode,
      ).toBe(403);
      expect((await t.app.inject({ url: `/api/v1/reports/${reportId}/comments` })).statusCode).toBe(
        404,
      );
      const draftRound = await buildReportableRound(t.deps.db.kysely, {
        title: 'Unpublished Dialogue',
      });
      const draft = (
        await admin.request('POST', `/api/v1/rounds/${draftRound.round.id}/report/compose`)
      ).json();
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/reports/${draft.id}/comments`,
        payload: { name: 'A', text: 'B' },
        headers: { 'x-forwarded-for': newAddress() },
      });
      expect(res.statusCode).toBe(404);
    });

    describe('the form, without JavaScript', () => {
      const post = (form: Record<string, string>, address: string, query = '') =>
        t.app.inject({
          method: 'POST',
          url: `${pagePath}/comments${query}`,
          payload: new URLSearchParams(form).toString(),
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-forwarded-for': address,
          },
        });

      it('redirects back with a "held for moderation" notice', async () => {
        const res = await post(
          { name: 'Form Reader', email: '', text: 'Sent from a plain form.' },
          newAddress(),
          '?lang=ur',
        );
        expect(res.statusCode).toBe(303);
        expect(res.headers.location).toBe(`${pagePath}?lang=ur&comment=held#comments`);
        const page = (await t.app.inject({ url: `${pagePath}?comment=held` })).body;
        expect(page).toContain('held for moderation');
        expect((await pending()).some((c) => c.name === 'Form Reader')).toBe(true);
      });
      it('shows the form again with the errors and what was typed', async () => {
        const res = await post({ name: '', text: 'Keep this text' }, newAddress());
        expect(res.statusCode).toBe(400);
        expect(res.body).toContain('aria-invalid="true"');
        expect(res.body).toContain('Keep this text');
        const links = await post(
          { name: 'L', text: 'http://a.example http://b.example http://c.example' },
          newAddress(),
        );
        expect(links.statusCode).toBe(400);
        expect(links.body).toContain('A comment may contain at most 2 links.');
      });
      it('answers a flood with 429 and a readable page', async () => {
        const address = newAddress();
        for (let i = 0; i < 5; i += 1)
          expect((await post({ name: 'F', text: `m${i}` }, address)).statusCode).toBe(303);
        const res = await post({ name: 'F', text: 'one more' }, address);
        expect(res.statusCode).toBe(429);
        expect(res.headers['content-type']).toContain('text/html');
        expect(res.body).toContain('Too many comments from your address');
      });
    });
  });
}
