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
  seriesRoles: z.array(z.object({ seriesId: Id, role: z.enum(SERIES_ROLES), delegationId: Id.nullable() })),
  participations: z.array(z.object({ roundId: Id, role: z.enum(PARTICIPATION_ROLES), delegationId: Id.nullable() })),
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
  .strictObject({ userId: Id, role: z.enum(SERIES_ROLES), delegationId: Id.nullable().default(null) })
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
  expiresInHours: z.number().int().min(1).max(24 * 60).default(24 * 14),
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
