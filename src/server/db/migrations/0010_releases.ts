import type { Kysely } from 'kysely';

// Shipped: never edit this file. Add a new migration instead.
// Releases (docs/confidentiality.md): a series' k, and the analysis row becomes the session's
// latest release: what has been shown of each statement (internal: the gate's state), its number
// and time, whether it is the final one, and the released summary itself. Stored analyses and
// the live events made before releases carried per-participant positions and numbers of fewer
// than k voters: they are deleted (the hub makes a first release of every session at start), and
// frozen outcome evidence keeps only figures of at least the default k voters.

const DEFAULT_K = 5;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('series')
    .addColumn('k_anonymity', 'integer', (c) => c.notNull().defaultTo(DEFAULT_K))
    .execute();
  await db.deleteFrom('analysis_results').execute();
  for (const [name, type, value] of [
    ['release_seq', 'integer', 0],
    ['final', 'integer', 0],
    ['released', 'text', '{}'],
    ['summary', 'text', 'null'],
  ] as const)
    await db.schema
      .alterTable('analysis_results')
      .addColumn(name, type, (c) => c.notNull().defaultTo(value))
      .execute();
  await db
    .deleteFrom('live_events')
    .where('type', 'in', ['analysis', 'vote-counts', 'moderation-queue'])
    .execute();
  const evidence = await db
    .selectFrom('outcome_evidence')
    .select(['item_id', 'statement_id', 'snapshot'])
    .execute();
  for (const row of evidence) {
    const scrubbed = scrubSnapshot(JSON.parse(row.snapshot));
    await db
      .updateTable('outcome_evidence')
      .set({ snapshot: JSON.stringify(scrubbed) })
      .where('item_id', '=', row.item_id)
      .where('statement_id', '=', row.statement_id)
      .execute();
  }
}

interface OldSnapshot {
  agree: number | null;
  disagree: number | null;
  pass: number | null;
  classification: string | null;
  bridging: number | null;
  delegations: { seen: number; tooFewVotes?: boolean }[];
}

function scrubSnapshot(s: OldSnapshot): OldSnapshot {
  const seen = (s.agree ?? 0) + (s.disagree ?? 0) + (s.pass ?? 0);
  const delegationsSafe = s.delegations.every((d) => d.seen >= DEFAULT_K && !d.tooFewVotes);
  const delegations = s.delegations.map(({ tooFewVotes: _, ...rest }) => rest);
  if (seen >= DEFAULT_K && delegationsSafe) return { ...s, delegations };
  const totals = seen >= DEFAULT_K ? s : { agree: null, disagree: null, pass: null };
  return { ...s, ...totals, classification: null, bridging: null, delegations: [] };
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['summary', 'released', 'final', 'release_seq'])
    await db.schema.alterTable('analysis_results').dropColumn(name).execute();
  await db.schema.alterTable('series').dropColumn('k_anonymity').execute();
}
