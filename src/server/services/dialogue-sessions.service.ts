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

/**
 * The calendar date of a scheduled instant: the date part of the ISO string exactly as given,
 * with its own offset (2025-04-05T23:30:00+05:00 is on April 5). Organisers write times in the
 * venue's local offset, so this is the date in the round's local time, with no time-zone
 * database to consult; a time given in another offset is judged by the date it names.
 */
export const calendarDateOf = (instant: string) => instant.slice(0, 10);

type Round = { id: string; series_id: string; starts_on: string; ends_on: string };
type Schedule = { startsAt: string | null; endsAt: string | null };

async function loadRound(deps: Deps, id: string): Promise<Round> {
  const row = await roundsRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('round');
  return row;
}

function checkSchedule(round: Round, s: Schedule) {
  if (s.startsAt && s.endsAt && Date.parse(s.endsAt) < Date.parse(s.startsAt)) {
    throw badRequest('The session would end before it starts.', [
      { field: 'body.endsAt', message: 'must not be before startsAt' },
    ]);
  }
  for (const field of ['startsAt', 'endsAt'] as const) {
    const at = s[field];
    if (at && (calendarDateOf(at) < round.starts_on || calendarDateOf(at) > round.ends_on)) {
      throw badRequest("The session lies outside its round's dates.", [
        {
          field: `body.${field}`,
          message: `must fall between ${round.starts_on} and ${round.ends_on} (the date as written)`,
        },
      ]);
    }
  }
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
  return { items: rows.map((s) => presentDialogueSession(s, showPeople)), total, ...page };
}

async function loadSession(deps: Deps, id: string) {
  const row = await dialogueSessionsRepo.findWithSeries(deps.db.kysely, id);
  if (!row) throw notFound('session');
  return row;
}

export async function getSession(deps: Deps, actor: Actor, id: string) {
  const row = await loadSession(deps, id);
  return presentDialogueSession(row, sessionsPolicy.readPeople(actor, row.series_id, row.round_id));
}

export async function createSession(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: z.output<typeof SessionInput>,
) {
  const round = await loadRound(deps, roundId);
  guard(sessionsPolicy.create(actor, round.series_id), actor);
  checkSchedule(round, { startsAt: input.startsAt ?? null, endsAt: input.endsAt ?? null });
  await checkTakesPart(deps, roundId, 'chairPersonId', input.chairPersonId);
  await checkTakesPart(deps, roundId, 'rapporteurPersonId', input.rapporteurPersonId);
  const row: SessionsTable = {
    id: newId(),
    round_id: roundId,
    kind: input.kind,
    position: input.position,
    title: input.title,
    starts_at: input.startsAt ?? null,
    ends_at: input.endsAt ?? null,
    chair_person_id: input.chairPersonId ?? null,
    rapporteur_person_id: input.rapporteurPersonId ?? null,
    attribution_rule: input.attributionRule,
    status: 'scheduled',
  };
  await dialogueSessionsRepo.insert(deps.db.kysely, row);
  return presentDialogueSession(row, true);
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
  };
  checkSchedule(round, {
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
    ...(patch.startsAt !== undefined && { starts_at: patch.startsAt }),
    ...(patch.endsAt !== undefined && { ends_at: patch.endsAt }),
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
