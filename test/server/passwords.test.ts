import * as argon2 from '@node-rs/argon2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../src/server/auth/passwords.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { buildUser, TEST_PASSWORD } from '../support/factories.ts';

// The real argon2 verify, watched: which hash each check ran against (no timing assertion).
vi.mock('@node-rs/argon2', async (original) => {
  const actual = await original<typeof import('@node-rs/argon2')>();
  return { ...actual, verify: vi.fn(actual.verify) };
});
const verify = vi.mocked(argon2.verify);
const verifiedHashes = () => verify.mock.calls.map(([hash]) => hash);
beforeEach(() => {
  verify.mockClear();
});

describe('verifyPassword', () => {
  it('runs a full argon2id verification for an account without a password, against a dummy hash of the same parameters', async () => {
    const real = await hashPassword('a real one');
    expect(await verifyPassword(null, 'anything')).toBe(false);
    expect(await verifyPassword(undefined, 'anything')).toBe(false);
    expect(await verifyPassword('', 'anything')).toBe(false);
    expect(await verifyPassword(real, 'wrong')).toBe(false);
    expect(await verifyPassword(real, 'a real one')).toBe(true);
    expect(verifiedHashes()).toEqual([DUMMY_HASH, DUMMY_HASH, DUMMY_HASH, real, real]);
    // Same algorithm, version and costs: only the salt and digest differ.
    const parameters = (h: string) => h.split('$').slice(0, 4).join('$');
    expect(parameters(DUMMY_HASH)).toBe(parameters(real));
    expect(parameters(DUMMY_HASH)).toBe('$argon2id$v=19$m=19456,t=2,p=1');
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] sign-in costs the same work whether the account exists or has a password`, () => {
    let t: TestApp;
    let withPassword: { email: string; password_hash: string | null };
    let withoutPassword: { email: string };
    beforeAll(async () => {
      t = await createTestApp(dialect, { live: false });
      withPassword = await buildUser(t.deps.db.kysely);
      withoutPassword = await buildUser(t.deps.db.kysely, { password_hash: null });
    });
    afterAll(() => t.close());

    const login = (email: string, password: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });

    it('one argon2 verification for a wrong password, an unknown email and a passwordless account, all 401', async () => {
      for (const email of [withPassword.email, 'nobody@example.org', withoutPassword.email])
        expect((await login(email, 'not the password')).statusCode, email).toBe(401);
      expect(verifiedHashes()).toEqual([withPassword.password_hash, DUMMY_HASH, DUMMY_HASH]);
      // The dummy hash's own password is unknown, but even a match would not sign anyone in.
      expect((await login(withPassword.email, TEST_PASSWORD)).statusCode).toBe(200);
    });
  });
}
