import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Deps } from '../deps.ts';
import { readinessRepo } from '../repositories/readiness.repository.ts';

/** Each check answers within this long, or counts as failed: a load balancer's probe must not hang. */
export const READINESS_CHECK_TIMEOUT_MS = 3000;

/** What GET /api/v1/ready found; null where a check does not apply (SQLite has no LISTEN channel). */
export interface Readiness {
  ready: boolean;
  checks: {
    /** The database took a write just now (the readiness_probe row). */
    database: boolean;
    /** SQLite: the database's file system has at least READY_MIN_FREE_MB free. */
    disk: boolean | null;
    /** The analysis worker thread answered a ping. */
    worker: boolean | null;
    /** PostgreSQL: the LISTEN connections (live events, grant changes) are up. */
    listening: boolean | null;
  };
}

const withTimeout = <T>(work: Promise<T>, failed: T): Promise<T> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(failed), READINESS_CHECK_TIMEOUT_MS);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(failed);
      },
    );
  });

/** Runs every check at once; ready only if none failed. */
export async function checkReadiness(deps: Deps): Promise<Readiness> {
  const { db } = deps;
  const [database, disk, live] = await Promise.all([
    withTimeout(
      readinessRepo.touch(db.kysely, deps.now().toISOString()).then(() => true),
      false,
    ),
    db.dialect === 'sqlite' && db.location !== ':memory:'
      ? withTimeout(hasRoom(db.location, deps.config.readyMinFreeBytes), false)
      : Promise.resolve(null),
    deps.live
      ? withTimeout(deps.live.status(READINESS_CHECK_TIMEOUT_MS), {
          worker: false,
          listening: db.dialect === 'postgres' ? false : null,
        })
      : Promise.resolve(null),
  ]);
  // On PostgreSQL the grant changes of other processes come through a LISTEN connection too.
  const listening =
    db.dialect === 'postgres' ? (live?.listening ?? true) && db.grants.seesOtherProcesses : null;
  const checks = { database, disk, worker: live?.worker ?? null, listening };
  return { ready: Object.values(checks).every((ok) => ok !== false), checks };
}

async function hasRoom(file: string, minFreeBytes: number): Promise<boolean> {
  const stats = await statfs(dirname(file));
  return stats.bavail * stats.bsize >= minFreeBytes;
}
