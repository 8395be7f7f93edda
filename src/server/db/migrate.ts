import {
  Migrator,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from 'kysely';
import * as m0001 from './migrations/0001_foundation.ts';
import * as m0002 from './migrations/0002_deliberation.ts';
import * as m0003 from './migrations/0003_superseded_votes.ts';
import * as m0004 from './migrations/0004_outcomes.ts';
import * as m0005 from './migrations/0005_public_report.ts';
import * as m0006 from './migrations/0006_vote_path.ts';
import * as m0007 from './migrations/0007_readiness_probe.ts';
import * as m0009 from './migrations/0009_venue_time_zones.ts';
import * as m0010 from './migrations/0010_releases.ts';

/** Every migration, in order. Listed explicitly so bundling and tsx both see them. */
const MIGRATIONS: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_deliberation': m0002,
  '0003_superseded_votes': m0003,
  '0004_outcomes': m0004,
  '0005_public_report': m0005,
  '0006_vote_path': m0006,
  '0007_readiness_probe': m0007,
  '0009_venue_time_zones': m0009,
  '0010_releases': m0010,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(
      `migration ${failed?.migrationName ?? '?'} failed: ${(result.error as Error).message}`,
    );
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
