import type { Kysely } from 'kysely';
import type { Db } from '../server/db/connect.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import type { Database } from '../server/db/schema.ts';
import { newId } from '../server/ids.ts';
import { seriesRepo } from '../server/repositories/series.repository.ts';
import { usersRepo } from '../server/repositories/users.repository.ts';
import { parseSeriesDocument, importSeries, type ImportResult } from '../server/transfer/import.ts';
import { SERIES } from './announcement.ts';
import { storeSessionAnalysis } from './analysis.ts';
import { buildDemoDocument, demoId, SIMULATED_SESSION_POSITION } from './document.ts';
import { DEMO_LOGINS, DEMO_PASSWORD } from './logins.ts';
import { publishDemoReport } from './publish-report.ts';

export { DEMO_LOGINS, DEMO_PASSWORD } from './logins.ts';
export const DEMO_SERIES_SLUG = SERIES.slug;

/** Refusal to load the demo where it (or a series with its slug) already is. */
export class DemoExistsError extends Error {}

export async function isDemoPresent(db: Kysely<Database>): Promise<boolean> {
  return Boolean(await seriesRepo.findBySlug(db, DEMO_SERIES_SLUG));
}

/** True when nobody has used this database yet: no series and no accounts. */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const [series, users] = await Promise.all([
    seriesRepo.list(db, { limit: 1, offset: 0 }),
    usersRepo.list(db, { limit: 1, offset: 0 }),
  ]);
  return series.total === 0 && users.total === 0;
}

/**
 * Loads the demo series through the import path, then gives every demo account the shared
 * demo password and creates the demo admin.
 */
export async function loadDemo(database: Db, now = new Date()): Promise<ImportResult> {
  const db = database.kysely;
  if (await isDemoPresent(db))
    throw new DemoExistsError(
      `A series with the demo's slug '${DEMO_SERIES_SLUG}' already exists; the demo is not loaded twice.`,
    );
  const result = await importSeries(db, parseSeriesDocument(buildDemoDocument(now)), { now });
  // One hash for all: the accounts share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const login of DEMO_LOGINS) {
    const user = await usersRepo.findByEmail(db, login.email);
    if (!user) {
      const isAdmin = login.role === 'admin' ? 1 : 0;
      await usersRepo.insert(db, {
        id: newId(),
        email: login.email,
        display_name: login.displayName,
        password_hash: passwordHash,
        is_admin: isAdmin,
        person_id: null,
        created_at: now.toISOString(),
      });
    } else if (!user.password_hash) {
      // Never overwrite a password someone has set.
      await usersRepo.update(db, user.id, { password_hash: passwordHash });
    }
  }
  await publishDemoReport(database, now);
  // The simulated session's analysis, so its analysis page is not empty on first start.
  await storeSessionAnalysis(db, demoId(`session:2:${SIMULATED_SESSION_POSITION}`), now);
  return result;
}
