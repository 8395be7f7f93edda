import type { z } from 'zod';
import type { InvitationInput, InvitationStatus } from '../../domain/accounts.ts';
import type { PageQuery } from '../../domain/common.ts';
import type { Actor } from '../auth/actor.ts';
import type { InvitationsTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, HttpError, notFound } from '../http/errors.ts';
import { hashSecret, newId, newSecret } from '../ids.ts';
import { invitationMail } from '../mail/invitation-mail.ts';
import { invitationsPolicy } from '../policies/invitations.policy.ts';
import { invitationState, presentInvitation } from '../presenters/invitations.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { invitationsRepo } from '../repositories/invitations.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import { usersRepo } from '../repositories/users.repository.ts';
import { guard } from './guard.ts';
import { checkDelegation } from './members.service.ts';

export const INVITATION_EXPIRED = 'This invitation has expired; ask the organisers for a new one.';
export const INVITATION_USED =
  'This invitation has already been used. If it was you, sign in; otherwise ask the organisers for a new one.';
export const INVITATION_UNKNOWN =
  'This invitation link is not valid. Check that the whole link was copied, or ask the organisers for a new one.';

/** Why a link cannot be accepted: 410 Gone for expired or used, 404 for one that never existed. */
export function invitationUnusable(state: 'expired' | 'used' | 'unknown'): HttpError {
  if (state === 'unknown') return new HttpError(404, 'Not Found', INVITATION_UNKNOWN);
  return new HttpError(410, 'Gone', state === 'expired' ? INVITATION_EXPIRED : INVITATION_USED);
}

/** What an invitation grants, in words and facts (series, round, role, delegation). */
export async function describeGrant(
  deps: Deps,
  row: InvitationsTable,
): Promise<NonNullable<InvitationStatus['grant']>> {
  const db = deps.db.kysely;
  const series = row.series_id ? await seriesRepo.find(db, row.series_id) : undefined;
  const participation = row.participation_id
    ? await invitationsRepo.participationTarget(db, row.participation_id)
    : undefined;
  const delegationId = participation ? participation.delegation_id : row.delegation_id;
  const delegation = delegationId
    ? await invitationsRepo.delegationName(db, delegationId)
    : undefined;
  return {
    seriesId: series?.id ?? participation?.series_id ?? '',
    seriesTitle: series?.title ?? '',
    kind: row.participation_id ? 'participation' : 'series_role',
    role: participation?.role ?? row.series_role ?? '',
    delegationName: delegation?.name ?? null,
    round: participation
      ? {
          number: participation.round_number,
          city: participation.round_city,
          country: participation.round_country,
          startsOn: participation.round_starts_on,
          endsOn: participation.round_ends_on,
        }
      : null,
  };
}

/** Roles and rounds in the plain words of a letter. */
export function grantInWords(grant: Awaited<ReturnType<typeof describeGrant>>) {
  const role =
    grant.role.replace(/_/g, ' ') + (grant.delegationName ? ` (${grant.delegationName})` : '');
  const r = grant.round;
  const round = r
    ? `Round ${r.number}, ${r.city}, ${r.country}, ${r.startsOn} to ${r.endsOn}`
    : null;
  return { role, round };
}

/** Decides the series and the grant of a new invitation, with a 4xx naming the field for anything amiss. */
async function resolveTarget(deps: Deps, input: z.output<typeof InvitationInput>) {
  const db = deps.db.kysely;
  if (input.participationId) {
    if (input.seriesId || input.seriesRole || input.delegationId) {
      throw badRequest('Invite either to a participation or to a series role, not both.', [
        { field: 'body.seriesId', message: 'not allowed with participationId' },
      ]);
    }
    const p = await invitationsRepo.participationTarget(db, input.participationId);
    if (!p) throw notFound('participation');
    return { seriesId: p.series_id, participation: p, seriesRole: null, delegationId: null };
  }
  if (!input.seriesId)
    throw badRequest('Give a participationId, or a seriesId with a seriesRole.', [
      {
        field: 'body.participationId',
        message: 'required unless seriesId and seriesRole are given',
      },
    ]);
  if (!input.seriesRole)
    throw badRequest('A series invitation needs a role.', [
      { field: 'body.seriesRole', message: 'required with seriesId' },
    ]);
  if (!(await seriesRepo.find(db, input.seriesId))) throw notFound('series');
  const delegationId = input.delegationId ?? null;
  if ((input.seriesRole === 'focal_point') !== (delegationId !== null)) {
    throw badRequest('A focal point needs a delegation, and only a focal point has one.', [
      {
        field: 'body.delegationId',
        message: 'a focal point needs a delegation, and only a focal point has one',
      },
    ]);
  }
  await checkDelegation(db, input.seriesId, delegationId);
  return {
    seriesId: input.seriesId,
    participation: undefined,
    seriesRole: input.seriesRole,
    delegationId,
  };
}

/**
 * Creates a single-use, expiring invitation. The secret link is returned once and only its hash
 * is stored; with a mailer it is also emailed. Inviting a participation moves it approved → invited.
 * actor null: the CLI operator.
 */
export async function createInvitation(
  deps: Deps,
  actor: Actor | null,
  input: z.output<typeof InvitationInput>,
) {
  const target = await resolveTarget(deps, input);
  if (actor) guard(invitationsPolicy.create(actor, target.seriesId), actor);
  const p = target.participation;
  if (p && !['approved', 'invited'].includes(p.status)) {
    throw conflict(`This participation is ${p.status}; only an approved one can be invited.`, [
      { field: 'body.participationId', message: `status is ${p.status}` },
    ]);
  }
  const now = deps.now();
  const token = newSecret();
  const row: InvitationsTable = {
    id: newId(),
    token_hash: hashSecret(token),
    email: input.email,
    participation_id: p?.id ?? null,
    series_id: target.seriesId,
    series_role: target.seriesRole,
    delegation_id: target.delegationId,
    created_by: actor?.user?.id ?? null,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + input.expiresInHours * 3600_000).toISOString(),
    used_at: null,
  };
  await deps.db.kysely.transaction().execute(async (trx) => {
    await invitationsRepo.insert(trx, row);
    if (p?.status === 'approved')
      await invitationsRepo.moveParticipation(trx, p.id, ['approved'], 'invited', row.created_at);
    await audit.record(trx, now, {
      actorUserId: actor?.user?.id ?? null,
      action: 'invitation.create',
      resourceType: 'invitation',
      resourceId: row.id,
      seriesId: target.seriesId,
      detail: {
        email: row.email,
        participationId: row.participation_id,
        seriesRole: row.series_role,
        delegationId: row.delegation_id,
      },
    });
  });
  const link = `${deps.config.publicUrl}/invitations/${token}`;
  const emailed = await sendInvitationMail(deps, row, link);
  return presentInvitation(row, now, { link, emailed });
}

/** Emails the link when SMTP is configured; a failed send is logged and the link still shown. */
async function sendInvitationMail(
  deps: Deps,
  row: InvitationsTable,
  link: string,
): Promise<boolean> {
  if (!deps.mailer) return false;
  const grant = await describeGrant(deps, row);
  const words = grantInWords(grant);
  try {
    await deps.mailer.send(
      invitationMail({
        to: row.email,
        link,
        seriesTitle: grant.seriesTitle,
        round: words.round,
        role: words.role,
        expiresAt: new Date(row.expires_at),
      }),
    );
    return true;
  } catch (error) {
    console.error(`invitation ${row.id}: the mail could not be sent: ${(error as Error).message}`);
    return false;
  }
}

export async function listInvitations(deps: Deps, actor: Actor, seriesId: string, page: PageQuery) {
  if (!(await seriesRepo.find(deps.db.kysely, seriesId))) throw notFound('series');
  guard(invitationsPolicy.list(actor, seriesId), actor);
  const { rows, total } = await invitationsRepo.listForSeries(deps.db.kysely, seriesId, page);
  const now = deps.now();
  return { items: rows.map((r) => presentInvitation(r, now)), total, ...page };
}

/** Revokes an unused invitation: its link stops working at once. */
export async function revokeInvitation(deps: Deps, actor: Actor, id: string) {
  const db = deps.db.kysely;
  const row = await invitationsRepo.find(db, id);
  if (!row) throw notFound('invitation');
  guard(invitationsPolicy.revoke(actor, row.series_id ?? ''), actor);
  if (row.used_at)
    throw conflict(
      'This invitation has been used; remove the role or change the participation instead.',
    );
  await db.transaction().execute(async (trx) => {
    await invitationsRepo.delete(trx, id);
    await audit.record(trx, deps.now(), {
      actorUserId: actor.user?.id ?? null,
      action: 'invitation.revoke',
      resourceType: 'invitation',
      resourceId: id,
      seriesId: row.series_id,
      detail: {
        email: row.email,
        participationId: row.participation_id,
        seriesRole: row.series_role,
      },
    });
  });
}

/** What a link is worth right now, for the acceptance page: never the token or anyone else's data. */
export async function invitationStatus(deps: Deps, token: string): Promise<InvitationStatus> {
  const db = deps.db.kysely;
  const row = await invitationsRepo.findByTokenHash(db, hashSecret(token));
  const state = invitationState(row, deps.now());
  if (!row) return { state, email: null, expiresAt: null, accountExists: false, grant: null };
  const accountExists = Boolean(await usersRepo.findByEmail(db, row.email));
  return {
    state,
    email: row.email,
    expiresAt: row.expires_at,
    accountExists,
    grant: await describeGrant(deps, row),
  };
}
