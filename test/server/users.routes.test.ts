import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, publicClient, type Client, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildPerson, buildUser, sessionClient, TEST_PASSWORD } from '../support/factories.ts';

for (const dialect of testDialects()) {
  describe(`[${dialect}] users`, () => {
    let t: TestApp;
    let admin: Client;
    let adminId: string;
    let member: Client;
    let memberId: string;
    const auditActions = async (resourceId: string) =>
      (
        await t.deps.db.kysely
          .selectFrom('audit_log')
          .select('action')
          .where('resource_id', '=', resourceId)
          .orderBy('at')
          .execute()
      ).map((r) => r.action);

    beforeAll(async () => {
      t = await createTestApp(dialect);
      adminId = (await buildUser(t.deps.db.kysely, { is_admin: 1 })).id;
      admin = await sessionClient(t, adminId);
      memberId = (await buildUser(t.deps.db.kysely, { email: 'member@example.org' })).id;
      member = await sessionClient(t, memberId);
    });
    afterAll(() => t.close());

    describe('#users.create', () => {
      it('creates an account without ever returning the password hash', async () => {
        const res = await admin.request('POST', '/api/v1/users', {
          email: 'New@Example.org',
          displayName: 'New Person',
          password: 'a long enough password',
        });
        expect(res.statusCode).toBe(201);
        expect(res.json()).toEqual({
          id: expect.any(String),
          email: 'new@example.org',
          displayName: 'New Person',
          isAdmin: false,
          personId: null,
        });
        expect(res.body).not.toContain('argon2');
        expect(await auditActions(res.json().id)).toEqual(['user.create']);
      });
      it('answers 409 naming the field for a duplicate email', async () => {
        const res = await admin.request('POST', '/api/v1/users', {
          email: 'member@example.org',
          displayName: 'Twin',
          password: 'a long enough password',
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().errors[0].field).toBe('body.email');
      });
      it('names the field of a short password', async () => {
        const res = await admin.request('POST', '/api/v1/users', {
          email: 'short@example.org',
          displayName: 'S',
          password: 'short',
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.password');
      });
      it('is for admins only', async () => {
        expect(
          (
            await member.request('POST', '/api/v1/users', {
              email: 'x@example.org',
              displayName: 'X',
              password: 'a long enough password',
            })
          ).statusCode,
        ).toBe(403);
        expect(
          (
            await publicClient(t).request('POST', '/api/v1/users', {
              email: 'x@example.org',
              displayName: 'X',
              password: 'a long enough password',
            })
          ).statusCode,
        ).toBe(401);
      });
    });

    describe('#users.list and #users.get', () => {
      it('lists accounts for admins, paginated', async () => {
        const res = await admin.request('GET', '/api/v1/users?limit=1');
        expect(res.statusCode).toBe(200);
        expect(res.json().items).toHaveLength(1);
        expect(res.json().total).toBeGreaterThanOrEqual(2);
        expect((await member.request('GET', '/api/v1/users')).statusCode).toBe(403);
      });
      it('lets an account read itself but not others', async () => {
        expect((await member.request('GET', `/api/v1/users/${memberId}`)).json().email).toBe(
          'member@example.org',
        );
        expect((await member.request('GET', `/api/v1/users/${adminId}`)).statusCode).toBe(403);
        expect((await member.request('GET', '/api/v1/users/does-not-exist')).statusCode).toBe(403);
        expect((await admin.request('GET', '/api/v1/users/does-not-exist')).statusCode).toBe(404);
      });
    });

    describe('#users.update', () => {
      it('lets an account rename itself, but not make itself admin', async () => {
        const renamed = await member.request('PATCH', `/api/v1/users/${memberId}`, {
          displayName: 'Renamed',
        });
        expect(renamed.statusCode).toBe(200);
        expect(renamed.json().displayName).toBe('Renamed');
        expect(
          (await member.request('PATCH', `/api/v1/users/${memberId}`, { isAdmin: true }))
            .statusCode,
        ).toBe(403);
        expect(
          (await member.request('PATCH', `/api/v1/users/${adminId}`, { displayName: 'Hijack' }))
            .statusCode,
        ).toBe(403);
      });
      it('requires the current password to change one’s own', async () => {
        const missing = await member.request('PATCH', `/api/v1/users/${memberId}`, {
          password: 'a brand new password',
        });
        expect(missing.statusCode).toBe(400);
        expect(missing.json().errors[0].field).toBe('body.currentPassword');
        const wrong = await member.request('PATCH', `/api/v1/users/${memberId}`, {
          password: 'a brand new password',
          currentPassword: 'nope',
        });
        expect(wrong.statusCode).toBe(400);
        const ok = await member.request('PATCH', `/api/v1/users/${memberId}`, {
          password: 'a brand new password',
          currentPassword: TEST_PASSWORD,
        });
        expect(ok.statusCode).toBe(200);
        const login = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { email: 'member@example.org', password: 'a brand new password' },
        });
        expect(login.statusCode).toBe(200);
      });
      it('lets an admin grant and revoke admin, audited', async () => {
        const target = await buildUser(t.deps.db.kysely);
        expect(
          (await admin.request('PATCH', `/api/v1/users/${target.id}`, { isAdmin: true })).json()
            .isAdmin,
        ).toBe(true);
        expect(
          (await admin.request('PATCH', `/api/v1/users/${target.id}`, { isAdmin: false })).json()
            .isAdmin,
        ).toBe(false);
        expect(await auditActions(target.id)).toEqual(['user.grant_admin', 'user.revoke_admin']);
        const entry = await t.deps.db.kysely
          .selectFrom('audit_log')
          .selectAll()
          .where('resource_id', '=', target.id)
          .executeTakeFirstOrThrow();
        expect(entry.actor_user_id).toBe(adminId);
      });
      it('refuses to remove the last admin', async () => {
        const res = await admin.request('PATCH', `/api/v1/users/${adminId}`, { isAdmin: false });
        expect(res.statusCode).toBe(409);
        expect(res.json().errors[0].field).toBe('body.isAdmin');
      });
      it('links a person, and answers 404 for an unknown one and 409 for a taken email', async () => {
        const person = await buildPerson(t.deps.db.kysely);
        expect(
          (
            await admin.request('PATCH', `/api/v1/users/${memberId}`, { personId: person.id })
          ).json().personId,
        ).toBe(person.id);
        expect(
          (
            await admin.request('PATCH', `/api/v1/users/${memberId}`, {
              personId: 'no-such-person',
            })
          ).statusCode,
        ).toBe(404);
        const taken = await admin.request('PATCH', `/api/v1/users/${memberId}`, {
          email: 'new@example.org',
        });
        expect(taken.statusCode).toBe(409);
        expect(taken.json().errors[0].field).toBe('body.email');
      });
      it('rejects unknown fields, naming them', async () => {
        const res = await admin.request('PATCH', `/api/v1/users/${memberId}`, { role: 'king' });
        expect(res.statusCode).toBe(400);
        expect(JSON.stringify(res.json().errors)).toContain('role');
      });
    });
  });
}
