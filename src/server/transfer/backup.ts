import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { DEFAULT_SQLITE_FILE } from '../db/connect.ts';

/** The SQLite file a DATABASE_URL names, or null for PostgreSQL (same rules as openDatabase). */
export function sqliteFileOf(url: string | undefined): string | null {
  if (url && /^postgres(ql)?:\/\//.test(url)) return null;
  return resolve(url ? url.replace(/^sqlite:(\/\/)?/, '') : DEFAULT_SQLITE_FILE);
}

export interface BackupResult {
  file: string;
  pages: number;
  /** Row counts of the copy, read back to prove it opens and is whole. */
  rows: Record<string, number>;
}

/**
 * Copies a live SQLite database with SQLite's online backup API: the copy is a consistent
 * snapshot even while the server writes (WAL), and the server is never blocked for long.
 */
export async function backupSqlite(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`There is no database at ${source}.`);
  const destination = resolve(target);
  if (destination === source)
    throw new Error('The backup must go to another file than the database itself.');
  // Opened read-write (nothing is written): a read-only handle on a WAL database fails when no -shm file exists.
  const live = new SqliteDatabase(source, { fileMustExist: true });
  let pages = 0;
  try {
    live.pragma('busy_timeout = 5000');
    await live.backup(destination, {
      progress: (info) => {
        pages = info.totalPages;
        return 256; // pages per step: small steps let the server's writes interleave
      },
    });
  } finally {
    live.close();
  }
  return { file: destination, pages, rows: verifyBackup(destination) };
}

/** Opens a backup, makes it a single file, checks its integrity and counts the rows of every table. */
export function verifyBackup(file: string): Record<string, number> {
  const copy = new SqliteDatabase(file, { fileMustExist: true });
  try {
    // One self-contained file: no -wal or -shm beside it.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok')
      throw new Error(`The backup failed SQLite's integrity check: ${String(check)}`);
    const tables = copy
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as Array<{ name: string }>;
    const rows: Record<string, number> = {};
    for (const { name } of tables)
      rows[name] = (
        copy.prepare(`select count(*) as n from "${name.replace(/"/g, '""')}"`).get() as {
          n: number;
        }
      ).n;
    return rows;
  } finally {
    copy.close();
  }
}
