import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane).
const OPTIONS = {
  algorithm: 2 /* Argon2id (a const enum, inlined for isolatedModules) */,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
};

/**
 * An argon2id hash (same parameters as OPTIONS) of a random password nobody kept. An account
 * without a password, or an unknown email, is checked against it, so the answer costs one full
 * verification either way: timing tells neither which emails exist nor which have no password.
 */
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$eqkrnRKnt7zHEgFMHKskqA$2xXDP+LFqZbUuDMpP2raf2+LulOKaF56ibl1NFw7n0I';

export const hashPassword = (password: string) => hash(password, OPTIONS);

/** False for a wrong password and for an account without one, after the same work in both cases. */
export async function verifyPassword(
  passwordHash: string | null | undefined,
  password: string,
): Promise<boolean> {
  try {
    const matches = await verify(passwordHash || DUMMY_HASH, password);
    return matches && !!passwordHash;
  } catch {
    return false;
  }
}
