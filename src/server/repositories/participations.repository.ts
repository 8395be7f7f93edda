import type { Kysely, Transaction } from 'kysely';
import type { Database, ParticipationsTable } from '../db/schema.ts';

type Conn = Kysely<Database> | Transaction<Database>;

/** Which participations of a round a reader may see: all, or only some delegations and/or one person. */
export interface ParticipationScope {
  all?: boolean;
  delegationIds?: readonly string[];
  personId?: string | null;
}

/** Participations in rounds, always read with their person. The only place their SQL is written. */
export const participationsRepo = {
  async insert(db: Conn, row: ParticipationsTable) {
    await db.insertInto('participations').values(row).execute();
  },
  async update(
    db: Conn,
    id: string,
    patch: Partial<Omit<ParticipationsTable, 'id' | 'round_id' | 'person_id' | 'created_at'>>,
  ) {
    if (Object.keys(patch).length)
      await db.updateTable('participations').set(patch).where('id', '=', id).execute();
  },
  /** The participation with its round's series. */
  find(db: Conn, id: string) {
    return db
      .selectFrom('participations')
      .innerJoin('rounds', 'rounds.id', 'participations.round_id')
      .selectAll('participations')
      .select('rounds.series_id')
      .where('participations.id', '=', id)
      .executeTakeFirst();
  },
  /** The participation with its person, as every answer shows it. */
  findWithPerson(db: Conn, id: string) {
    return db
      .selectFrom('participations')
      .innerJoin('people', 'people.id', 'participations.person_id')
      .selectAll('participations')
      .select([
        'people.full_name',
        'people.honorific',
        'people.affiliation',
        'people.background',
        'people.gender',
      ])
      .where('participations.id', '=', id)
      .executeTakeFirst();
  },
  findByRoundAndPerson(db: Conn, roundId: string, personId: string) {
    return db
      .selectFrom('participations')
      .selectAll()
      .where('round_id', '=', roundId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
  },
  async listByRound(
    db: Conn,
    roundId: string,
    scope: ParticipationScope,
    page: { limit: number; offset: number },
  ) {
    let q = db
      .selectFrom('participations')
      .innerJoin('people', 'people.id', 'participations.person_id')
      .where('participations.round_id', '=', roundId);
    if (!scope.all) {
      const delegationIds = [...(scope.delegationIds ?? [])];
      const personId = scope.personId ?? null;
      q = q.where((eb) => {
        const visible = [];
        if (delegationIds.length)
          visible.push(eb('participations.delegation_id', 'in', delegationIds));
        if (personId) visible.push(eb('participations.person_id', '=', personId));
        return visible.length ? eb.or(visible) : eb.lit(false);
      });
    }
    const [rows, count] = await Promise.all([
      q
        .selectAll('participations')
        .select([
          'people.full_name',
          'people.honorific',
          'people.affiliation',
          'people.background',
          'people.gender',
        ])
        .orderBy('people.full_name')
        .orderBy('participations.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: Number(count.n) };
  },
  /** Heads of delegation and delegates who took part, by delegation, for a published report. */
  delegatesOf(db: Conn, roundId: string) {
    return db
      .selectFrom('participations')
      .innerJoin('people', 'people.id', 'participations.person_id')
      .innerJoin('delegations', 'delegations.id', 'participations.delegation_id')
      .select([
        'delegations.name as delegation',
        'delegations.position',
        'participations.role',
        'people.honorific',
        'people.full_name',
      ])
      .where('participations.round_id', '=', roundId)
      .where('participations.role', 'in', ['head_of_delegation', 'delegate'])
      .where('participations.status', 'in', ['accepted', 'confirmed'])
      .orderBy('delegations.position')
      .orderBy('participations.role', 'desc') // head_of_delegation before delegate
      .orderBy('people.full_name')
      .orderBy('participations.id')
      .execute();
  },
  /** Every participation of a round with the person's background and gender, for the balance bars. */
  balanceRows(db: Conn, roundId: string) {
    return db
      .selectFrom('participations')
      .innerJoin('people', 'people.id', 'participations.person_id')
      .select([
        'participations.delegation_id',
        'participations.role',
        'participations.status',
        'people.background',
        'people.gender',
      ])
      .where('participations.round_id', '=', roundId)
      .execute();
  },
};
