import { z } from 'zod';
import {
  BACKGROUNDS,
  GENDERS,
  PARTICIPATION_ROLES,
  PARTICIPATION_STATUSES,
} from '../../domain/enums.ts';
import type { Capacity, ParticipationRole, ParticipationStatus } from '../../domain/enums.ts';
import type { Participation } from '../../domain/people.ts';
import type { DelegationsTable, ParticipationsTable, PeopleTable } from '../db/schema.ts';
import { presentPerson } from './people.presenter.ts';

type PersonFields = Pick<
  PeopleTable,
  'full_name' | 'honorific' | 'affiliation' | 'background' | 'gender'
>;

export const presentParticipation = (p: ParticipationsTable & PersonFields): Participation => ({
  id: p.id,
  roundId: p.round_id,
  personId: p.person_id,
  delegationId: p.delegation_id,
  role: p.role as ParticipationRole,
  capacity: p.capacity as Capacity,
  status: p.status as ParticipationStatus,
  person: presentPerson({ ...p, id: p.person_id }),
});

// TODO(move to src/domain/people.ts so the web app can import it): the answer of GET /rounds/{id}/balance.
const Bar = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const RoundBalance = z.object({
  roundId: z.string(),
  /** Participations that still count towards the room: every status but declined and withdrawn. */
  counted: z.number().int(),
  byDelegation: z.array(Bar),
  byBackground: z.array(Bar),
  byGender: z.array(Bar),
  byRole: z.array(Bar),
  /** Over all participations, declined and withdrawn included. */
  byStatus: z.array(Bar),
});
export type RoundBalance = z.infer<typeof RoundBalance>;

const NOT_COUNTED = new Set(['declined', 'withdrawn']);
const label = (key: string) => key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');

function bars(keys: readonly string[], values: string[]) {
  return keys.map((key) => ({
    key,
    label: label(key),
    count: values.filter((v) => v === key).length,
  }));
}

/** Counts for the bars the web app draws; every category appears, with zero where nobody is. */
export function presentBalance(
  roundId: string,
  delegations: DelegationsTable[],
  rows: Array<
    Pick<ParticipationsTable, 'delegation_id' | 'role' | 'status'> &
      Pick<PeopleTable, 'background' | 'gender'>
  >,
): RoundBalance {
  const counted = rows.filter((r) => !NOT_COUNTED.has(r.status));
  const byDelegation = [
    ...delegations.map((d) => ({
      key: d.id,
      label: d.name,
      count: counted.filter((r) => r.delegation_id === d.id).length,
    })),
    {
      key: 'none',
      label: 'No delegation',
      count: counted.filter((r) => r.delegation_id === null).length,
    },
  ];
  return {
    roundId,
    counted: counted.length,
    byDelegation,
    byBackground: bars(
      BACKGROUNDS,
      counted.map((r) => r.background),
    ),
    byGender: bars(
      GENDERS,
      counted.map((r) => r.gender),
    ),
    byRole: bars(
      PARTICIPATION_ROLES,
      counted.map((r) => r.role),
    ),
    byStatus: bars(
      PARTICIPATION_STATUSES,
      rows.map((r) => r.status),
    ),
  };
}
