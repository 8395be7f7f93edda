import type { z } from 'zod';
import type { PageQuery } from '../../domain/common.ts';
import type { ParticipationRole, ParticipationStatus } from '../../domain/enums.ts';
import type { ParticipationInput, ParticipationPatch } from '../../domain/people.ts';
import { PARTICIPATION_TRANSITIONS } from '../../domain/transitions.ts';
import { focalPointDelegations, type Actor } from '../auth/actor.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import {
  FOCAL_POINT_STATUSES,
  OWN_RESPONSES,
  participationsPolicy as policy,
} from '../policies/participations.policy.ts';
import { presentBalance, presentParticipation } from '../presenters/participations.presenter.ts';
import { participationsRepo } from '../repositories/participations.repository.ts';
import { peopleRepo } from '../repositories/people.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import { guard } from './guard.ts';
import { personRow } from './people.service.ts';

const CONFIDENTIAL = { confidential: 'participation' };

async function loadRound(deps: Deps, id: string) {
  const row = await roundsRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('round');
  return row;
}

async function loadParticipation(deps: Deps, id: string) {
  const row = await participationsRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('participation');
  return row;
}

const alreadyIn = () =>
  conflict('This person already takes part in this round.', [
    { field: 'body.personId', message: 'already in this round' },
  ]);

/** The delegation must be one of the series' sides, and a head of delegation needs one. */
async function checkDelegation(
  deps: Deps,
  seriesId: string,
  delegationId: string | null,
  role: string,
) {
  if (delegationId !== null) {
    const delegation = await seriesRepo.findDelegation(deps.db.kysely, delegationId);
    if (!delegation || delegation.series_id !== seriesId) {
      throw badRequest('The delegation is not a side of this series.', [
        { field: 'body.delegationId', message: 'not a delegation of this series' },
      ]);
    }
  } else if (role === 'head_of_delegation') {
    throw badRequest('A head of delegation needs a delegation.', [
      { field: 'body.delegationId', message: 'required for a head of delegation' },
    ]);
  }
}

function checkTransition(from: ParticipationStatus, to: ParticipationStatus | undefined) {
  if (!to || to === from) return;
  const allowed = PARTICIPATION_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw conflict(`A participation that is ${from} can next be: ${allowed.join(', ')}.`, [
      { field: 'body.status', message: `must be one of ${allowed.join(', ')}` },
    ]);
  }
}

export async function listParticipations(
  deps: Deps,
  actor: Actor,
  roundId: string,
  page: PageQuery,
) {
  const round = await loadRound(deps, roundId);
  guard(policy.list(actor, round.series_id, roundId), actor, CONFIDENTIAL);
  const scope = policy.readAll(actor, round.series_id, roundId)
    ? { all: true }
    : {
        delegationIds: focalPointDelegations(actor, round.series_id),
        personId: actor.user?.personId ?? null,
      };
  const { rows, total } = await participationsRepo.listByRound(
    deps.db.kysely,
    roundId,
    scope,
    page,
  );
  return { items: rows.map(presentParticipation), total, ...page };
}

async function presentOne(deps: Deps, id: string) {
  const row = await participationsRepo.findWithPerson(deps.db.kysely, id);
  if (!row) throw notFound('participation');
  return presentParticipation(row);
}

export async function getParticipation(deps: Deps, actor: Actor, id: string) {
  const row = await loadParticipation(deps, id);
  guard(
    policy.read(actor, {
      seriesId: row.series_id,
      roundId: row.round_id,
      delegationId: row.delegation_id,
      personId: row.person_id,
    }),
    actor,
    CONFIDENTIAL,
  );
  return presentOne(deps, id);
}

/** Organisers add a participant directly (approved); a focal point nominates for their own delegation. */
export async function createParticipation(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: z.output<typeof ParticipationInput>,
) {
  const round = await loadRound(deps, roundId);
  const organiser = policy.manage(actor, round.series_id);
  guard(
    organiser || policy.nominate(actor, round.series_id, input.delegationId, input.role),
    actor,
  );
  await checkDelegation(deps, round.series_id, input.delegationId, input.role);
  if (input.personId) {
    if (!(await peopleRepo.find(deps.db.kysely, input.personId)))
      throw badRequest('No such person.', [{ field: 'body.personId', message: 'no such person' }]);
    if (await participationsRepo.findByRoundAndPerson(deps.db.kysely, roundId, input.personId))
      throw alreadyIn();
  }
  const now = deps.now().toISOString();
  const id = newId();
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      let personId = input.personId;
      if (!personId) {
        const person = personRow(deps, input.person!);
        await peopleRepo.insert(trx, person);
        personId = person.id;
      }
      await participationsRepo.insert(trx, {
        id,
        round_id: roundId,
        person_id: personId,
        delegation_id: input.delegationId,
        role: input.role,
        capacity: input.capacity,
        status: organiser ? 'approved' : 'nominated',
        nominated_by: organiser ? null : actor.user!.id,
        approved_by: organiser ? actor.user!.id : null,
        created_at: now,
        updated_at: now,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw alreadyIn();
    throw error;
  }
  return presentOne(deps, id);
}

/**
 * Organisers change anything. A focal point may withdraw or re-nominate their delegation's
 * people, and edit a nomination until it is decided. The person may accept or decline.
 * Every status change follows PARTICIPATION_TRANSITIONS.
 */
export async function updateParticipation(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof ParticipationPatch>,
) {
  const row = await loadParticipation(deps, id);
  const seriesId = row.series_id;
  const organiser = policy.manage(actor, seriesId);
  if (!organiser) {
    const editsFields =
      patch.role !== undefined || patch.capacity !== undefined || patch.delegationId !== undefined;
    const role = patch.role ?? (row.role as ParticipationRole);
    const byFocalPoint =
      policy.nominate(actor, seriesId, row.delegation_id, role) &&
      (patch.delegationId === undefined ||
        policy.nominate(actor, seriesId, patch.delegationId, role)) &&
      (patch.status === undefined || FOCAL_POINT_STATUSES.includes(patch.status)) &&
      (!editsFields || row.status === 'nominated');
    const byThePerson =
      policy.respond(actor, row.person_id) &&
      !editsFields &&
      patch.status !== undefined &&
      OWN_RESPONSES.includes(patch.status);
    guard(byFocalPoint || byThePerson, actor, CONFIDENTIAL);
  }
  checkTransition(row.status as ParticipationStatus, patch.status);
  const delegationId = patch.delegationId !== undefined ? patch.delegationId : row.delegation_id;
  await checkDelegation(deps, seriesId, delegationId, patch.role ?? row.role);
  const approving = patch.status === 'approved' && row.status !== 'approved';
  await participationsRepo.update(deps.db.kysely, id, {
    ...(patch.delegationId !== undefined && { delegation_id: patch.delegationId }),
    ...(patch.role !== undefined && { role: patch.role }),
    ...(patch.capacity !== undefined && { capacity: patch.capacity }),
    ...(patch.status !== undefined && { status: patch.status }),
    ...(approving && { approved_by: actor.user!.id }),
    updated_at: deps.now().toISOString(),
  });
  return presentOne(deps, id);
}

export async function roundBalance(deps: Deps, actor: Actor, roundId: string) {
  const round = await loadRound(deps, roundId);
  guard(policy.balance(actor, round.series_id), actor, { confidential: 'balance' });
  const [delegations, rows] = await Promise.all([
    seriesRepo.delegations(deps.db.kysely, [round.series_id]),
    participationsRepo.balanceRows(deps.db.kysely, roundId),
  ]);
  return presentBalance(roundId, delegations, rows);
}
