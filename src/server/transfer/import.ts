import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { newId } from '../ids.ts';
import { audit } from '../repositories/audit.repository.ts';
import { transferRepo } from '../repositories/transfer.repository.ts';
import { usersRepo } from '../repositories/users.repository.ts';
import { jsonPath, SeriesDocument, TransferError, type DocumentProblem } from './document.ts';
import {
  columnOf,
  fieldsOf,
  idFieldOf,
  TRANSFER_TABLES,
  type DbRow,
  type TransferTable,
} from './tables.ts';

type Conn = Kysely<Database> | Transaction<Database>;

const rowsOf = (document: SeriesDocument, table: TransferTable): DbRow[] =>
  table.single ? [document[table.key] as DbRow] : (document[table.key] as DbRow[]);
const pathOf = (table: TransferTable, index: number, field: string) =>
  table.single ? `${table.key}.${field}` : `${table.key}[${index}].${field}`;
/** Refs to the table itself (a round's previous round): inserted empty, then set. */
const selfRefs = (table: TransferTable) =>
  Object.entries(table.refs ?? {})
    .filter(([, target]) => target === table.key)
    .map(([field]) => field);

/** A long list of problems is cut after 50, saying how many more there are. */
function firstFew(problems: DocumentProblem[], limit = 50): DocumentProblem[] {
  if (problems.length <= limit) return problems;
  return [
    ...problems.slice(0, limit),
    { path: '…', message: `and ${problems.length - limit} more problems` },
  ];
}

/** Parses the text of a document file; every problem names its JSON path. */
export function parseSeriesDocumentText(text: string): SeriesDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new TransferError(`The file is not JSON: ${(error as Error).message}`);
  }
  return parseSeriesDocument(value);
}

/** Validates shape (zod) and internal consistency (every reference resolves within the document). */
export function parseSeriesDocument(value: unknown): SeriesDocument {
  const parsed = SeriesDocument.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({
      path: jsonPath(i.path),
      message: i.message,
    }));
    throw new TransferError(
      'The document is not a valid Parley series document.',
      firstFew(problems),
    );
  }
  const document = parsed.data as unknown as SeriesDocument;
  const problems = consistencyProblems(document);
  if (problems.length)
    throw new TransferError('The document contradicts itself.', firstFew(problems));
  return document;
}

function consistencyProblems(document: SeriesDocument): DocumentProblem[] {
  const problems: DocumentProblem[] = [];
  const ids = new Map<string, Set<string>>();
  for (const table of TRANSFER_TABLES) {
    const idField = idFieldOf(table);
    if (!idField) continue;
    const seen = new Set<string>();
    rowsOf(document, table).forEach((row, index) => {
      const id = row[idField] as string;
      if (seen.has(id))
        problems.push({ path: pathOf(table, index, idField), message: `duplicate id '${id}'` });
      seen.add(id);
    });
    ids.set(table.key, seen);
  }
  const emails = new Set<string>();
  document.accounts.forEach((account, index) => {
    if (emails.has(account.email))
      problems.push({ path: `accounts[${index}].email`, message: 'duplicate email' });
    emails.add(account.email);
    if (account.personId && !ids.get('people')?.has(account.personId))
      problems.push({
        path: `accounts[${index}].personId`,
        message: `no person '${account.personId}' in people`,
      });
  });
  for (const table of TRANSFER_TABLES) {
    rowsOf(document, table).forEach((row, index) => {
      for (const [field, target] of Object.entries(table.refs ?? {})) {
        const value = row[field] as string | null;
        if (value !== null && !ids.get(target)?.has(value))
          problems.push({
            path: pathOf(table, index, field),
            message: `no id '${value}' in ${target}`,
          });
      }
      for (const field of table.userRefs ?? []) {
        const value = row[field] as string | null;
        if (value !== null && !emails.has(value.toLowerCase()))
          problems.push({
            path: pathOf(table, index, field),
            message: `no account '${value}' in accounts`,
          });
      }
    });
  }
  return problems;
}

/** Which of these ids the table already holds. */
const existingIds = (db: Conn, table: TransferTable, ids: string[]) =>
  transferRepo.existingValues(db, table.table, columnOf(table, idFieldOf(table)!), ids);

/** Refuses a document whose series (or any of its own rows) is already in the database. */
async function clashes(db: Conn, document: SeriesDocument): Promise<DocumentProblem[]> {
  const problems: DocumentProblem[] = [];
  const series = document.series as { id: string; slug: string };
  const same = await transferRepo.seriesByIdOrSlug(db, series.id, series.slug);
  if (same.some((s) => s.id === series.id))
    problems.push({
      path: 'series.id',
      message: `this database already holds series '${series.id}'`,
    });
  if (same.some((s) => s.slug === series.slug))
    problems.push({
      path: 'series.slug',
      message: `this database already holds a series with slug '${series.slug}'`,
    });
  // The series itself is there: its rows would all clash too, which says nothing new.
  if (problems.length) return problems;
  for (const table of TRANSFER_TABLES) {
    const idField = idFieldOf(table);
    if (table.shared || table.single || !idField) continue;
    const rows = rowsOf(document, table);
    const taken = await existingIds(
      db,
      table,
      rows.map((r) => r[idField] as string),
    );
    rows.forEach((row, index) => {
      if (taken.has(row[idField] as string))
        problems.push({
          path: pathOf(table, index, idField),
          message: `id '${row[idField]}' is already used in this database`,
        });
    });
  }
  return problems;
}

/** Finds or creates the document's accounts; created ones have no password until invited. */
async function resolveAccounts(trx: Conn, document: SeriesDocument, now: string) {
  const userIdOf = new Map<string, string>();
  const created: Array<{ id: string; personId: string | null }> = [];
  for (const account of document.accounts) {
    const existing = await usersRepo.findByEmail(trx, account.email);
    if (existing) {
      userIdOf.set(account.email, existing.id);
      continue;
    }
    const id = newId();
    await usersRepo.insert(trx, {
      id,
      email: account.email,
      display_name: account.displayName,
      password_hash: null,
      is_admin: 0,
      person_id: null,
      created_at: now,
    });
    userIdOf.set(account.email, id);
    created.push({ id, personId: account.personId });
  }
  return { userIdOf, created };
}

async function insertTable(
  trx: Conn,
  table: TransferTable,
  rows: DbRow[],
  userIdOf: Map<string, string>,
) {
  const idField = idFieldOf(table);
  let todo = rows;
  if (table.shared && idField) {
    const taken = await existingIds(
      trx,
      table,
      rows.map((r) => r[idField] as string),
    );
    todo = rows.filter((r) => !taken.has(r[idField] as string));
  }
  const deferred = selfRefs(table);
  const userRefs = new Set(table.userRefs ?? []);
  const values = todo.map((row) => {
    const out: DbRow = {};
    for (const field of fieldsOf(table)) {
      let value = row[field];
      if (userRefs.has(field) && value !== null)
        value = userIdOf.get((value as string).toLowerCase());
      if (deferred.includes(field)) value = null;
      out[columnOf(table, field)] = value;
    }
    return out;
  });
  const perInsert = Math.max(1, Math.min(500, Math.floor(30_000 / fieldsOf(table).length)));
  for (let start = 0; start < values.length; start += perInsert) {
    await transferRepo.insertRows(trx, table.table, values.slice(start, start + perInsert));
  }
  for (const field of deferred) {
    for (const row of todo) {
      if (row[field] === null) continue;
      await transferRepo.setColumn(
        trx,
        table.table,
        [columnOf(table, idField!), row[idField!]],
        columnOf(table, field),
        row[field],
      );
    }
  }
  return todo.length;
}

export interface ImportResult {
  seriesId: string;
  /** Rows written per document key (shared rows already present are not counted). */
  counts: Record<string, number>;
  accountsCreated: number;
}

/**
 * Writes a validated document into the database in one transaction. Refuses (TransferError)
 * when the series or any of its own rows already exists; organisations and people already
 * present are reused; accounts are matched by email.
 */
export async function importSeries(
  db: Kysely<Database>,
  document: SeriesDocument,
  options: { now?: Date; actorUserId?: string | null } = {},
): Promise<ImportResult> {
  const now = (options.now ?? new Date()).toISOString();
  const problems = await clashes(db, document);
  if (problems.length)
    throw new TransferError(
      'The series (or some of its rows) is already in this database.',
      firstFew(problems),
    );
  const seriesId = (document.series as { id: string }).id;
  const counts: Record<string, number> = {};
  try {
    const accountsCreated = await db.transaction().execute(async (trx) => {
      const { userIdOf, created } = await resolveAccounts(trx, document, now);
      for (const table of TRANSFER_TABLES)
        counts[table.key] = await insertTable(trx, table, rowsOf(document, table), userIdOf);
      for (const account of created) {
        if (account.personId)
          await usersRepo.update(trx, account.id, { person_id: account.personId });
      }
      return created.length;
    });
    await audit.record(db, new Date(now), {
      actorUserId: options.actorUserId ?? null,
      action: 'series.import',
      resourceType: 'series',
      resourceId: seriesId,
      seriesId,
      detail: { counts },
    });
    return { seriesId, counts, accountsCreated };
  } catch (error) {
    // A concurrent writer took an id between the check and the write.
    if (isUniqueViolation(error))
      throw new TransferError(
        `The series clashes with rows already in this database: ${(error as Error).message}`,
      );
    throw error;
  }
}
