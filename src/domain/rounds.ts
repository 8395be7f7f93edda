import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, OptionalText, Text, TimeZone } from './common.ts';
import { patchOf } from './patch.ts';
import { WALL_TIME } from './time.ts';
import { ATTRIBUTION_RULES, ROUND_STATUSES, SESSION_KINDS, SESSION_STATUSES } from './enums.ts';

export const Round = z.object({
  id: Id,
  seriesId: Id,
  number: z.number().int(),
  city: z.string(),
  country: z.string(),
  venue: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  umbrellaTheme: z.string(),
  status: z.enum(ROUND_STATUSES),
  previousRoundId: Id.nullable(),
  /** IANA name of the venue's zone: times are entered and shown in it. */
  timeZone: z.string(),
});
export type Round = z.infer<typeof Round>;

const roundFields = {
  number: z.number().int().min(1).max(1000),
  city: Text(100),
  country: Text(100),
  venue: OptionalText(200),
  startsOn: IsoDate,
  endsOn: IsoDate,
  umbrellaTheme: OptionalText(500),
  previousRoundId: Id.nullable().optional(),
  timeZone: TimeZone,
};

const datesInOrder = (r: { startsOn?: string; endsOn?: string }) =>
  !r.startsOn || !r.endsOn || r.startsOn <= r.endsOn;
const datesMessage = { message: 'must not be before startsOn', path: ['endsOn'] };

export const RoundInput = z.strictObject(roundFields).refine(datesInOrder, datesMessage);
/** Fields left out stay as they are; the date order is checked on the merged round. */
export const RoundPatch = patchOf(
  z.strictObject({ ...roundFields, status: z.enum(ROUND_STATUSES) }),
);

export const Session = z.object({
  id: Id,
  roundId: Id,
  kind: z.enum(SESSION_KINDS),
  position: z.number().int(),
  title: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  chairPersonId: Id.nullable(),
  rapporteurPersonId: Id.nullable(),
  attributionRule: z.enum(ATTRIBUTION_RULES),
  status: z.enum(SESSION_STATUSES),
  /** The round's venue time zone, in which the times are meant. */
  timeZone: z.string(),
});
export type Session = z.infer<typeof Session>;

/**
 * An instant with its offset (2026-04-05T09:30:00+05:00), or a wall time without one
 * (2026-04-05T09:30), which is read in the round's venue time zone.
 */
const SessionTime = z
  .string()
  .refine(
    (v) => WALL_TIME.test(v) || IsoDateTime.safeParse(v).success,
    'must be a date and time, e.g. 2026-04-05T09:30 in the venue time zone',
  );

const sessionFields = {
  kind: z.enum(SESSION_KINDS),
  position: z.number().int().min(0).max(1000),
  title: Text(500),
  startsAt: SessionTime.nullable().optional(),
  endsAt: SessionTime.nullable().optional(),
  chairPersonId: Id.nullable().optional(),
  rapporteurPersonId: Id.nullable().optional(),
  attributionRule: z.enum(ATTRIBUTION_RULES).default('chatham_house'),
};
/** Two wall times compare as text; an instant and a wall time are compared by the server, in the venue's zone. */
const timesInOrder = ({
  startsAt: a,
  endsAt: b,
}: {
  startsAt?: string | null;
  endsAt?: string | null;
}) =>
  !a ||
  !b ||
  WALL_TIME.test(a) !== WALL_TIME.test(b) ||
  (WALL_TIME.test(a) ? a <= b : Date.parse(a) <= Date.parse(b));
const timesMessage = { message: 'must not be before startsAt', path: ['endsAt'] };

export const SessionInput = z.strictObject(sessionFields).refine(timesInOrder, timesMessage);
/** Fields left out stay as they are; the time order is checked on the merged session. */
export const SessionPatch = patchOf(
  z.strictObject({ ...sessionFields, attributionRule: z.enum(ATTRIBUTION_RULES) }),
);
