import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../src/server/db/errors.ts';

/**
 * Real errors of both drivers: the environment failing is told from a bug or a bad request (the
 * first answered 503, the others as before). The drills in this folder make the common ones
 * happen under load; these are the ones a drill cannot make here (a read-only or missing file).
 */
const caught = async (run: () => unknown) => {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
};

describe('isDatabaseUnavailable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-classify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('says yes to SQLite that cannot write or open its files', async () => {
    const file = join(dir, 'ro.sqlite');
    new SqliteDatabase(file).exec('create table t (x integer)');
    const readonly = new SqliteDatabase(file, { readonly: true });
    const error = await caught(() => readonly.exec('insert into t values (1)'));
    readonly.close();
    expect((error as { code: string }).code).toBe('SQLITE_READONLY');
    expect(isDatabaseUnavailable(error)).toBe(true);
    // A directory where the database file should be.
    const cantOpen = await caught(() => new SqliteDatabase(dir));
    expect((cantOpen as { code: string }).code).toBe('SQLITE_CANTOPEN');
    expect(isDatabaseUnavailable(cantOpen)).toBe(true);
  });

  it('says yes to a PostgreSQL that is not there', async () => {
    const client = new pg.Client({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    const error = await caught(() => client.connect());
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('says no to bugs and conflicts', async () => {
    const db = new SqliteDatabase(join(dir, 'ok.sqlite'));
    db.exec('create table t (x integer primary key)');
    db.exec('insert into t values (1)');
    const conflict = await caught(() => db.exec('insert into t values (1)'));
    const syntax = await caught(() => db.exec('selec 1'));
    const missing = await caught(() => db.exec('select * from no_such_table'));
    db.close();
    for (const error of [conflict, syntax, missing, new Error('boom'), null, 'text'])
      expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
