import type { z } from 'zod';
import type { PageQuery } from '../../domain/common.ts';
import type { SessionInput, SessionPatch } from '../../domain/rounds.ts';
import type { Actor } from '../auth/actor.ts';
import { isForeignKeyViolation } from '../db/errors.ts';
import type { SessionsTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { TAKING_PART } from '../policies/participations.policy.ts';
import { sessionsPolicy } from '../policies/sessions.policy.ts';
import { presentDialogueSession } from '../presenters/dialogue-sessions.presenter.ts';
import { dialogueSessionsRepo } from '../repositories/dialogue-sessions.repository.ts';
import { participationsRepo } from '../repositories/participations.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { guard } from './guard.ts';
import {
  dateInZone,
  formatDay,
  formatInstant,
  fromWallTime,
  isoInZone,
  WALL_TIME,
} from '../../domain/time.ts';

type Round = {
  id: string;
  series_id: string;
  starts_on: string;
  ends_on: string;
  time_zone: string;
};
type Schedule = { startsAt: string | null; endsAt: string | null };

async function loadRound(deps: Deps, id: string): Promise<Round> {
  const row = await roundsRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('round');
  return row;
}

/**
 * A time as stored: the instant written in the venue's wall time and offset
 * (2026-04-05T09:30:00+05:00), whether it was given as a wall time in that zone or with any offset.
 */
function venueTime(round: Round, at: string | null | undefined): string | null | undefined {
  if (!at) return at;
  return WALL_TIME.test(at) ? fromWallTime(at, round.time_zone) : isoInZone(at, round.time_zone);
}

/** Both times resolved in the venue's zone, then checked: in order, and within the round's dates there. */
function checkSchedule(round: Round, s: Schedule): Schedule {
  const startsAt = venueTime(round, s.startsAt) ?? null;
  const endsAt = venueTime(round, s.endsAt) ?? null;
  for (const [field, given, resolved] of [
    ['startsAt', s.startsAt, startsAt],
    ['endsAt', s.endsAt, endsAt],
  ] as const) {
    if (given && !resolved)
      throw badRequest(`The ${field === 'startsAt' ? 'start' : 'end'} is not a time that exists.`, [
        { field: `body.${field}`, message: 'must be a date and time that exists' },
      ]);
  }
  if (startsAt && endsAt && Date.parse(endsAt) < Date.parse(startsAt)) {
    throw badRequest('The session would end before it starts.', [
      { field: 'body.endsAt', message: 'must not be before startsAt' },
    ]);
  }
  const zone = round.time_zone;
  for (const [field, at] of [
    ['startsAt', startsAt],
    ['endsAt', endsAt],
  ] as const) {
    if (at && (dateInZone(at, zone) < round.starts_on || dateInZone(at, zone) > round.ends_on)) {
      const from = formatDay(`${round.starts_on}T12:00:00Z`, 'UTC');
      const to = formatDay(`${round.ends_on}T12:00:00Z`, 'UTC');
      throw badRequest(
        `The session lies outside its round's dates: ${formatInstant(at, zone)} is not between ${from} and ${to} in ${zone}.`,
        [{ field: `body.${field}`, message: `must fall between ${from} and ${to} (${zone})` }],
      );
    }
  }
  return { startsAt, endsAt };
}

/** Chairs and rapporteurs must take part in the round (approved through confirmed). */
async function checkTakesPart(
  deps: Deps,
  roundId: string,
  field: 'chairPersonId' | 'rapporteurPersonId',
  personId: string | null | undefined,
) {
  if (!personId) return;
  const p = await participationsRepo.findByRoundAndPerson(deps.db.kysely, roundId, personId);
  if (!p || !TAKING_PART.includes(p.status as (typeof TAKING_PART)[number])) {
    throw badRequest('Chairs and rapporteurs must be participants of the round.', [
      { field: `body.${field}`, message: 'does not take part in this round' },
    ]);
  }
}

export async function listSessions(deps: Deps, actor: Actor, roundId: string, page: PageQuery) {
  const round = await loadRound(deps, roundId);
  const showPeople = sessionsPolicy.readPeople(actor, round.series_id, round.id);
  const { rows, total } = await dialogueSessionsRepo.listByRound(deps.db.kysely, roundId, page);
  return {
    items: rows.map((s) => presentDialogueSession(s, showPeople, round.time_zone)),
    total,
    ...page,
  };
}

async function loadSession(deps: Deps, id: string) {
  const row = await dialogueSessionsRepo.findWithSeries(deps.db.kysely, id);
  if (!row) throw notFound('session');
  return row;
}

export async function getSession(deps: Deps, actor: Actor, id: string) {
  const row = await loadSession(deps, id);
  return presentDialogueSession(
    row,
    sessionsPolicy.readPeople(actor, row.series_id, row.round_id),
    row.time_zone,
  );
}

export async function createSession(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: z.output<typeof SessionInput>,
) {
  const round = await loadRound(deps, roundId);
  guard(sessionsPolicy.create(actor, round.series_id), actor);
  const times = checkSchedule(round, {
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
  });
  await checkTakesPart(deps, roundId, 'chairPersonId', input.chairPersonId);
  await checkTakesPart(deps, roundId, 'rapporteurPersonId', input.rapporteurPersonId);
  const row: SessionsTable = {
    id: newId(),
    round_id: roundId,
    kind: input.kind,
    position: input.position,
    title: input.title,
    starts_at: times.startsAt,
    ends_at: times.endsAt,
    chair_person_id: input.chairPersonId ?? null,
    rapporteur_person_id: input.rapporteurPersonId ?? null,
    attribution_rule: input.attributionRule,
    status: 'scheduled',
  };
  await dialogueSessionsRepo.insert(deps.db.kysely, row);
  return presentDialogueSession(row, true, round.time_zone);
}

export async function updateSession(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<z.output<typeof SessionPatch>>,
) {
  const row = await loadSession(deps, id);
  guard(sessionsPolicy.update(actor, row.series_id), actor);
  const round = {
    id: row.round_id,
    series_id: row.series_id,
    starts_on: row.round_starts_on,
    ends_on: row.round_ends_on,
    time_zone: row.time_zone,
  };
  const times = checkSchedule(round, {
    startsAt: patch.startsAt !== undefined ? patch.startsAt : row.starts_at,
    endsAt: patch.endsAt !== undefined ? patch.endsAt : row.ends_at,
  });
  await checkTakesPart(deps, row.round_id, 'chairPersonId', patch.chairPersonId);
  await checkTakesPart(deps, row.round_id, 'rapporteurPersonId', patch.rapporteurPersonId);
  // The rule is promised to participants before they speak: it cannot change once the session has opened.
  if (
    patch.attributionRule !== undefined &&
    patch.attributionRule !== row.attribution_rule &&
    row.status !== 'scheduled'
  ) {
    throw conflict(`The attribution rule of a session that is ${row.status} cannot change.`, [
      { field: 'body.attributionRule', message: 'fixed once the session has opened' },
    ]);
  }
  await dialogueSessionsRepo.update(deps.db.kysely, id, {
    ...(patch.kind !== undefined && { kind: patch.kind }),
    ...(patch.position !== undefined && { position: patch.position }),
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.startsAt !== undefined && { starts_at: times.startsAt }),
    ...(patch.endsAt !== undefined && { ends_at: times.endsAt }),
    ...(patch.chairPersonId !== undefined && { chair_person_id: patch.chairPersonId }),
    ...(patch.rapporteurPersonId !== undefined && {
      rapporteur_person_id: patch.rapporteurPersonId,
    }),
    ...(patch.attributionRule !== undefined && { attribution_rule: patch.attributionRule }),
  });
  return getSession(deps, actor, id);
}

/** Only a scheduled session may be deleted: once opened, what was said in it is kept. */
export async function deleteSession(deps: Deps, actor: Actor, id: string) {
  const row = await loadSession(deps, id);
  guard(sessionsPolicy.delete(actor, row.series_id), actor);
  if (row.status !== 'scheduled')
    throw conflict(`Only a scheduled session can be deleted; this one is ${row.status}.`);
  try {
    await dialogueSessionsRepo.delete(deps.db.kysely, id);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict('Other records still refer to this session.');
    throw error;
  }
}
