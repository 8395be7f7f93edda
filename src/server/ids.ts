import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

/** A secret for a link or cookie: 32 random bytes, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Secrets are stored only as hashes, so a database leak does not hand out sessions or invitations. */
export const hashSecret = (secret: string): string =>
  createHash('sha256').update(secret).digest('hex');
