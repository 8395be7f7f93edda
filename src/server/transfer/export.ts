import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { audit } from '../repositories/audit.repository.ts';
import { transferRepo } from '../repositories/transfer.repository.ts';
import {
  FORMAT,
  FORMAT_VERSION,
  TransferError,
  type AccountEntry,
  type SeriesDocument,
} from './document.ts';
import { columnOf, fieldsOf, TRANSFER_TABLES, type DbRow, type TransferTable } from './tables.ts';

/** Orders by the given fields; plain code-unit comparison so both dialects give the same order. */
function compareBy(fields: string[]) {
  return (a: DbRow, b: DbRow) => {
    for (const field of fields) {
      const x = a[field] as string | number | null;
      const y = b[field] as string | number | null;
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      return x < y ? -1 : 1;
    }
    return 0;
  };
}

function toDocumentRow(table: TransferTable, row: DbRow): DbRow {
  const out: DbRow = {};
  for (const field of fieldsOf(table)) {
    const value = row[columnOf(table, field)];
    // PostgreSQL and SQLite agree on text and integers; normalise a stray bigint or undefined.
    out[field] = typeof value === 'bigint' ? Number(value) : (value ?? null);
  }
  return out;
}

/**
 * The whole series as one document: its rows from every table in TRANSFER_TABLES, in a
 * stable order, with account ids replaced by emails.
 */
export async function buildSeriesDocument(
  db: Kysely<Database>,
  idOrSlug: string,
): Promise<SeriesDocument> {
  const [found] = await transferRepo.seriesByIdOrSlug(db, idOrSlug);
  if (!found) throw new TransferError(`No series has the id or slug '${idOrSlug}'.`);

  const tables = new Map<TransferTable, DbRow[]>();
  const userIds = new Set<string>();
  for (const table of TRANSFER_TABLES) {
    const rows = (await table.select(db, found.id))
      .map((row) => toDocumentRow(table, row))
      .sort(compareBy(table.order));
    for (const field of table.userRefs ?? [])
      for (const row of rows) if (row[field]) userIds.add(row[field] as string);
    tables.set(table, rows);
  }

  const people = new Set(
    (tables.get(TRANSFER_TABLES.find((t) => t.key === 'people')!) ?? []).map((p) => p.id as string),
  );
  // The accounts the rows point at, and those linked to a person of the series.
  const users = await transferRepo.accountsOf(db, [...userIds], [...people]);
  const emailOf = new Map(users.map((u) => [u.id, u.email]));

  const document: Record<string, unknown> = { format: FORMAT, version: FORMAT_VERSION };
  for (const [table, rows] of tables) {
    for (const field of table.userRefs ?? []) {
      for (const row of rows)
        row[field] = row[field] ? (emailOf.get(row[field] as string) ?? null) : null;
    }
    document[table.key] = table.single ? rows[0] : rows;
  }
  // `accounts` goes last, after the tables, so the file reads from the series down.
  const accounts: AccountEntry[] = users
    .map((u) => ({
      email: u.email,
      displayName: u.display_name,
      personId: u.person_id && people.has(u.person_id) ? u.person_id : null,
    }))
    .sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  document.accounts = accounts;
  return document as SeriesDocument;
}

/** Exports a series and records the export in the audit log (exports are sensitive). */
export async function exportSeries(
  db: Kysely<Database>,
  idOrSlug: string,
  options: { actorUserId?: string | null; now?: Date } = {},
) {
  const document = await buildSeriesDocument(db, idOrSlug);
  const series = document.series as { id: string; slug: string };
  await audit.record(db, options.now ?? new Date(), {
    actorUserId: options.actorUserId ?? null,
    action: 'series.export',
    resourceType: 'series',
    resourceId: series.id,
    seriesId: series.id,
  });
  return document;
}
