import type { Kysely, Transaction } from 'kysely';
import type { Database, PeopleTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Which people a reader may list: everyone (organisers) or those in some delegations (focal points). */
export interface PeopleScope {
  all?: boolean;
  delegationIds?: readonly string[];
}

/** The people directory. The only place its SQL is written. */
export const peopleRepo = {
  async insert(db: Conn, row: PeopleTable) {
    await db.insertInto('people').values(row).execute();
  },
  async update(db: Conn, id: string, patch: Partial<Omit<PeopleTable, 'id' | 'created_at'>>) {
    if (Object.keys(patch).length)
      await db.updateTable('people').set(patch).where('id', '=', id).execute();
  },
  find(db: Conn, id: string) {
    return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  },
  /** The delegations a person has sat in, across all rounds (focal points read their own delegation's people). */
  async delegationIdsOf(db: Conn, personId: string): Promise<string[]> {
    const rows = await db
      .selectFrom('participations')
      .select('delegation_id')
      .distinct()
      .where('person_id', '=', personId)
      .where('delegation_id', 'is not', null)
      .execute();
    return rows.map((r) => r.delegation_id!);
  },
  async list(db: Conn, scope: PeopleScope, page: { limit: number; offset: number }) {
    let q = db.selectFrom('people');
    if (!scope.all) {
      const delegationIds = [...(scope.delegationIds ?? [])];
      q = q.where((eb) =>
        delegationIds.length
          ? eb.exists(
              eb
                .selectFrom('participations')
                .select('participations.id')
                .whereRef('participations.person_id', '=', 'people.id')
                .where('participations.delegation_id', 'in', delegationIds),
            )
          : eb.lit(false),
      );
    }
    const [rows, count] = await Promise.all([
      q
        .selectAll()
        .orderBy('full_name')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
};
