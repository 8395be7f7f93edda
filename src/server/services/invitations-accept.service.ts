import type { z } from 'zod';
import { Password, type AcceptInvitationRequest } from '../../domain/accounts.ts';
import type { SeriesRole } from '../../domain/enums.ts';
import { hashPassword, verifyPassword } from '../auth/passwords.ts';
import { isUniqueViolation } from '../db/errors.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, HttpError } from '../http/errors.ts';
import { hashSecret, newId } from '../ids.ts';
import { invitationState } from '../presenters/invitations.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { invitationsRepo } from '../repositories/invitations.repository.ts';
import { usersRepo } from '../repositories/users.repository.ts';
import { openSession } from './accounts.service.ts';
import { invitationUnusable, INVITATION_USED } from './invitations.service.ts';
import { insertGrant } from './members.service.ts';

/** The account an acceptance signs in as: an existing one (its password checked) or a new one. */
async function resolveAccount(
  deps: Deps,
  email: string,
  input: z.output<typeof AcceptInvitationRequest>,
) {
  const existing = await usersRepo.findByEmail(deps.db.kysely, email);
  if (existing) {
    if (!(await verifyPassword(existing.password_hash, input.password))) {
      throw new HttpError(
        401,
        'Unauthorized',
        `An account with ${email} exists: enter its password to accept.`,
        [{ field: 'body.password', message: 'not the password of the existing account' }],
      );
    }
    return { existing, passwordHash: null };
  }
  if (!input.displayName)
    throw badRequest('Tell us your name.', [
      { field: 'body.displayName', message: 'must not be empty' },
    ]);
  const password = Password.safeParse(input.password);
  if (!password.success)
    throw badRequest('Choose a longer password.', [
      { field: 'body.password', message: password.error.issues[0].message },
    ]);
  return { existing: undefined, passwordHash: await hashPassword(input.password) };
}

/**
 * Accepts an invitation: creates (or checks) the account, links it to the participation's person
 * and moves that participation invited → accepted, or grants the series role; marks the
 * invitation used in the same transaction, first, so of two concurrent accepts exactly one wins;
 * then opens a session. Returns the new session's secret for the cookie.
 */
export async function acceptInvitation(
  deps: Deps,
  input: z.output<typeof AcceptInvitationRequest>,
) {
  const db = deps.db.kysely;
  const invitation = await invitationsRepo.findByTokenHash(db, hashSecret(input.token));
  const state = invitationState(invitation, deps.now());
  if (!invitation || state !== 'valid')
    throw invitationUnusable(state === 'valid' ? 'unknown' : state);

  const account = await resolveAccount(deps, invitation.email, input);
  const participation = invitation.participation_id
    ? await invitationsRepo.participationTarget(db, invitation.participation_id)
    : undefined;
  if (
    participation &&
    account.existing?.person_id &&
    account.existing.person_id !== participation.person_id
  ) {
    throw conflict(
      'This account already belongs to another person; ask the organisers to invite a different email.',
    );
  }

  const now = deps.now();
  const at = now.toISOString();
  const userId = account.existing?.id ?? newId();
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await invitationsRepo.markUsed(trx, invitation.id, at)))
        throw new HttpError(410, 'Gone', INVITATION_USED);
      if (!account.existing) {
        await usersRepo.insert(trx, {
          id: userId,
          email: invitation.email,
          display_name: input.displayName,
          password_hash: account.passwordHash,
          is_admin: 0,
          person_id: null,
          created_at: at,
        });
      }
      if (participation) {
        await usersRepo.update(trx, userId, { person_id: participation.person_id });
        if (
          !(await invitationsRepo.moveParticipation(
            trx,
            participation.id,
            ['invited', 'accepted'],
            'accepted',
            at,
          ))
        ) {
          throw conflict(
            'This participation has been withdrawn or declined meanwhile; please ask the organisers.',
          );
        }
      }
      if (invitation.series_id && invitation.series_role) {
        const grant = {
          seriesId: invitation.series_id,
          userId,
          role: invitation.series_role as SeriesRole,
          delegationId: invitation.delegation_id,
        };
        await insertGrant(trx, now, userId, grant, { invitationId: invitation.id });
      }
      await audit.record(trx, now, {
        actorUserId: userId,
        action: 'invitation.accept',
        resourceType: 'invitation',
        resourceId: invitation.id,
        seriesId: invitation.series_id,
        detail: {
          participationId: invitation.participation_id,
          seriesRole: invitation.series_role,
          newAccount: !account.existing,
        },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict(
        'An account with this email was created meanwhile; accept again with its password.',
      );
    throw error;
  }
  const session = await openSession(deps, userId);
  return { userId, ...session };
}
