import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { SeriesMemberInput } from '../../domain/accounts.ts';
import type { PageQuery } from '../../domain/common.ts';
import type { SeriesRole } from '../../domain/enums.ts';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { membersPolicy } from '../policies/members.policy.ts';
import { presentMember } from '../presenters/members.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { invitationsRepo } from '../repositories/invitations.repository.ts';
import { membersRepo } from '../repositories/members.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import { usersRepo } from '../repositories/users.repository.ts';
import { guard } from './guard.ts';

type Conn = Kysely<Database> | Transaction<Database>;

export interface Grant {
  seriesId: string;
  userId: string;
  role: SeriesRole;
  delegationId: string | null;
}

async function loadSeries(deps: Deps, id: string) {
  const row = await seriesRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('series');
  return row;
}

/** A focal point's delegation must be one of the series' own. */
export async function checkDelegation(
  db: Conn,
  seriesId: string,
  delegationId: string | null,
  field = 'body.delegationId',
) {
  if (delegationId === null) return;
  const delegation = await invitationsRepo.delegationName(db, delegationId);
  if (!delegation || delegation.series_id !== seriesId)
    throw badRequest('The delegation is not one of this series.', [
      { field, message: 'not a delegation of this series' },
    ]);
}

/**
 * Records a series role and its audit entry (a permission change). Shared by the members API
 * and by accepting an invitation; an identical existing grant is kept, not duplicated.
 */
export async function insertGrant(
  db: Conn,
  at: Date,
  actorUserId: string | null,
  grant: Grant,
  via: Record<string, unknown> = {},
) {
  const existing = await membersRepo.findGrant(db, grant);
  if (existing) return { row: existing, created: false };
  const row = {
    id: newId(),
    series_id: grant.seriesId,
    user_id: grant.userId,
    role: grant.role,
    delegation_id: grant.delegationId,
    created_at: at.toISOString(),
  };
  await membersRepo.insert(db, row);
  await audit.record(db, at, {
    actorUserId,
    action: 'permission.grant',
    resourceType: 'series_member',
    resourceId: row.id,
    seriesId: grant.seriesId,
    detail: { userId: grant.userId, role: grant.role, delegationId: grant.delegationId, ...via },
  });
  return { row, created: true };
}

export async function listMembers(deps: Deps, actor: Actor, seriesId: string, page: PageQuery) {
  await loadSeries(deps, seriesId);
  guard(membersPolicy.list(actor, seriesId), actor);
  const { rows, total } = await membersRepo.listForSeries(deps.db.kysely, seriesId, page);
  return { items: rows.map(presentMember), total, ...page };
}

export async function grantMember(
  deps: Deps,
  actor: Actor,
  seriesId: string,
  input: z.output<typeof SeriesMemberInput>,
) {
  await loadSeries(deps, seriesId);
  guard(membersPolicy.grant(actor, seriesId), actor);
  const db = deps.db.kysely;
  const user = await usersRepo.find(db, input.userId);
  if (!user) throw notFound('user');
  await checkDelegation(db, seriesId, input.delegationId);
  const grant = {
    seriesId,
    userId: input.userId,
    role: input.role,
    delegationId: input.delegationId,
  };
  const { row, created } = await db
    .transaction()
    .execute((trx) => insertGrant(trx, deps.now(), actor.user?.id ?? null, grant));
  if (!created)
    throw conflict('This account already holds this role in the series.', [
      { field: 'body.role', message: 'already granted' },
    ]);
  return presentMember({ ...row, email: user.email, display_name: user.display_name });
}

export async function revokeMember(deps: Deps, actor: Actor, memberId: string) {
  const db = deps.db.kysely;
  const row = await membersRepo.find(db, memberId);
  if (!row) throw notFound('series member');
  guard(membersPolicy.revoke(actor, row.series_id), actor);
  await db.transaction().execute(async (trx) => {
    await membersRepo.delete(trx, memberId);
    await audit.record(trx, deps.now(), {
      actorUserId: actor.user?.id ?? null,
      action: 'permission.revoke',
      resourceType: 'series_member',
      resourceId: memberId,
      seriesId: row.series_id,
      detail: { userId: row.user_id, role: row.role, delegationId: row.delegation_id },
    });
  });
}
