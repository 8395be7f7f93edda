import { z } from 'zod';
import { Id, OptionalText, Text } from './common.ts';
import { patchOf } from './patch.ts';
import {
  BACKGROUNDS,
  CAPACITIES,
  GENDERS,
  PARTICIPATION_ROLES,
  PARTICIPATION_STATUSES,
} from './enums.ts';

export const Person = z.object({
  id: Id,
  fullName: z.string(),
  honorific: z.string(),
  affiliation: z.string(),
  background: z.enum(BACKGROUNDS),
  gender: z.enum(GENDERS),
});
export type Person = z.infer<typeof Person>;

export const PersonInput = z.strictObject({
  fullName: Text(200),
  honorific: OptionalText(40),
  affiliation: OptionalText(300),
  background: z.enum(BACKGROUNDS).default('other'),
  gender: z.enum(GENDERS).default('undisclosed'),
});
export const PersonPatch = patchOf(PersonInput);

export const Participation = z.object({
  id: Id,
  roundId: Id,
  personId: Id,
  delegationId: Id.nullable(),
  role: z.enum(PARTICIPATION_ROLES),
  capacity: z.enum(CAPACITIES),
  status: z.enum(PARTICIPATION_STATUSES),
  person: Person,
});
export type Participation = z.infer<typeof Participation>;

export const ParticipationInput = z
  .strictObject({
    /** An existing person, or a new one described inline. */
    personId: Id.optional(),
    person: PersonInput.optional(),
    delegationId: Id.nullable().default(null),
    role: z.enum(PARTICIPATION_ROLES).default('attendee'),
    capacity: z.enum(CAPACITIES).default('personal'),
  })
  .refine((p) => Boolean(p.personId) !== Boolean(p.person), {
    message: 'give exactly one of personId or person',
    path: ['personId'],
  });

export const ParticipationPatch = z.strictObject({
  delegationId: Id.nullable().optional(),
  role: z.enum(PARTICIPATION_ROLES).optional(),
  capacity: z.enum(CAPACITIES).optional(),
  status: z.enum(PARTICIPATION_STATUSES).optional(),
});
