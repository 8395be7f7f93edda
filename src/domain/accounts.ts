import { z } from 'zod';
import { Id, Text } from './common.ts';
import { PARTICIPATION_ROLES, SERIES_ROLES } from './enums.ts';

export const Email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const Password = z.string().min(10, 'must be at least 10 characters').max(200);

export const LoginInput = z.strictObject({ email: Email, password: z.string().min(1).max(200) });

export const User = z.object({
  id: Id,
  email: z.string(),
  displayName: z.string(),
  isAdmin: z.boolean(),
  personId: Id.nullable(),
});
export type User = z.infer<typeof User>;

export const UserInput = z.strictObject({
  email: Email,
  displayName: Text(200),
  password: Password,
  isAdmin: z.boolean().default(false),
  personId: Id.nullable().optional(),
});

export const Me = z.object({
  user: User.nullable(),
  csrfToken: z.string().nullable(),
  seriesRoles: z.array(
    z.object({ seriesId: Id, role: z.enum(SERIES_ROLES), delegationId: Id.nullable() }),
  ),
  participations: z.array(
    z.object({ roundId: Id, role: z.enum(PARTICIPATION_ROLES), delegationId: Id.nullable() }),
  ),
});
export type Me = z.infer<typeof Me>;

export const SeriesMember = z.object({
  id: Id,
  seriesId: Id,
  userId: Id,
  role: z.enum(SERIES_ROLES),
  delegationId: Id.nullable(),
  email: z.string(),
  displayName: z.string(),
});
export const SeriesMemberInput = z
  .strictObject({
    userId: Id,
    role: z.enum(SERIES_ROLES),
    delegationId: Id.nullable().default(null),
  })
  .refine((m) => (m.role === 'focal_point') === (m.delegationId !== null), {
    message: 'a focal point needs a delegation, and only a focal point has one',
    path: ['delegationId'],
  });

export const InvitationInput = z.strictObject({
  email: Email,
  /** Invite the person of this participation (its round and role come with it)… */
  participationId: Id.optional(),
  /** …or to a series role. */
  seriesId: Id.optional(),
  seriesRole: z.enum(SERIES_ROLES).optional(),
  delegationId: Id.nullable().optional(),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(24 * 14),
});

export const Invitation = z.object({
  id: Id,
  email: z.string(),
  participationId: Id.nullable(),
  seriesId: Id.nullable(),
  seriesRole: z.enum(SERIES_ROLES).nullable(),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Only in the answer to the creation: the secret link, shown once. */
  link: z.string().optional(),
  emailed: z.boolean().optional(),
});
export type Invitation = z.infer<typeof Invitation>;

export const AcceptInvitationInput = z.strictObject({ displayName: Text(200), password: Password });

export const AuditEntry = z.object({
  id: Id,
  at: z.string(),
  actorUserId: Id.nullable(),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  seriesId: Id.nullable(),
  detail: z.record(z.string(), z.unknown()),
});

/** An account's own or an admin's edit. Only an admin may change isAdmin, email or personId. */
export const UserPatch = z.strictObject({
  displayName: Text(200).optional(),
  email: Email.optional(),
  password: Password.optional(),
  /** Required when changing one's own password. */
  currentPassword: z.string().max(200).optional(),
  isAdmin: z.boolean().optional(),
  personId: Id.nullable().optional(),
});

export const INVITATION_STATES = ['valid', 'expired', 'used', 'unknown'] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];

/** An invitation as organisers see it in lists: never the token. */
export const InvitationListItem = Invitation.extend({
  delegationId: Id.nullable(),
  state: z.enum(INVITATION_STATES),
});

/** What a link grants, shown to whoever holds it before accepting. No secrets, nobody else's data. */
export const InvitationStatus = z.object({
  state: z.enum(INVITATION_STATES),
  email: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** When true, accepting asks for the existing account's password instead of creating one. */
  accountExists: z.boolean(),
  grant: z
    .object({
      seriesId: Id,
      seriesTitle: z.string(),
      kind: z.enum(['participation', 'series_role']),
      /** The participation role or the series role. */
      role: z.string(),
      delegationName: z.string().nullable(),
      round: z
        .object({
          number: z.number().int(),
          city: z.string(),
          country: z.string(),
          startsOn: z.string(),
          endsOn: z.string(),
        })
        .nullable(),
    })
    .nullable(),
});
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const InvitationToken = z.string().trim().min(1, 'must not be empty').max(200);
export const InvitationTokenQuery = z.object({ token: InvitationToken });

/** displayName is needed (and password rules apply) only when the email has no account yet. */
export const AcceptInvitationRequest = z.strictObject({
  token: InvitationToken,
  displayName: z.string().trim().max(200).default(''),
  password: z.string().min(1, 'must not be empty').max(200),
});
