import type { z } from 'zod';
import type { PageQuery } from '../../domain/common.ts';
import type { RoundStatus } from '../../domain/enums.ts';
import type { RoundInput, RoundPatch } from '../../domain/rounds.ts';
import { ROUND_TRANSITIONS } from '../../domain/transitions.ts';
import type { Actor } from '../auth/actor.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.ts';
import type { RoundsTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { roundsPolicy } from '../policies/rounds.policy.ts';
import { presentRound } from '../presenters/rounds.presenter.ts';
import { dialogueSessionsRepo } from '../repositories/dialogue-sessions.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import { dateInZone } from '../../domain/time.ts';
import { guard } from './guard.ts';

export async function loadRound(deps: Deps, id: string) {
  const row = await roundsRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('round');
  return row;
}

const duplicateNumber = () =>
  conflict('This series already has a round with that number.', [
    { field: 'body.number', message: 'already taken' },
  ]);

/** The previous round must be another round of the same series. */
async function checkPreviousRound(
  deps: Deps,
  seriesId: string,
  roundId: string,
  previousRoundId: string | null | undefined,
) {
  if (!previousRoundId) return;
  const previous = await roundsRepo.find(deps.db.kysely, previousRoundId);
  if (!previous || previous.series_id !== seriesId || previous.id === roundId) {
    throw badRequest('The previous round must be another round of the same series.', [
      { field: 'body.previousRoundId', message: 'not a round of this series' },
    ]);
  }
}

export async function listRounds(deps: Deps, seriesId: string, page: PageQuery) {
  if (!(await seriesRepo.find(deps.db.kysely, seriesId))) throw notFound('series');
  const { rows, total } = await roundsRepo.listBySeries(deps.db.kysely, seriesId, page);
  return { items: rows.map(presentRound), total, ...page };
}

export async function getRound(deps: Deps, id: string) {
  return presentRound(await loadRound(deps, id));
}

export async function createRound(
  deps: Deps,
  actor: Actor,
  seriesId: string,
  input: z.output<typeof RoundInput>,
) {
  if (!(await seriesRepo.find(deps.db.kysely, seriesId))) throw notFound('series');
  guard(roundsPolicy.create(actor, seriesId), actor);
  const id = newId();
  await checkPreviousRound(deps, seriesId, id, input.previousRoundId);
  const row: RoundsTable = {
    id,
    series_id: seriesId,
    number: input.number,
    city: input.city,
    country: input.country,
    venue: input.venue,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    umbrella_theme: input.umbrellaTheme,
    status: 'planned',
    previous_round_id: input.previousRoundId ?? null,
    time_zone: input.timeZone,
  };
  try {
    await roundsRepo.insert(deps.db.kysely, row);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber();
    throw error;
  }
  return presentRound(row);
}

function checkTransition(from: RoundStatus, to: RoundStatus | undefined) {
  if (!to || to === from) return;
  const allowed = ROUND_TRANSITIONS[from];
  if (!allowed.includes(to)) {
    throw conflict(`A round that is ${from} can next be: ${allowed.join(', ')}.`, [
      { field: 'body.status', message: `must be one of ${allowed.join(', ')}` },
    ]);
  }
}

/** New dates or a new zone must still hold every scheduled session (as dates in the venue's zone). */
async function checkSessionsInside(
  deps: Deps,
  roundId: string,
  { startsOn, endsOn, zone }: { startsOn: string; endsOn: string; zone: string },
) {
  for (const s of await dialogueSessionsRepo.schedules(deps.db.kysely, roundId)) {
    const dates = [s.starts_at, s.ends_at]
      .filter((x): x is string => Boolean(x))
      .map((at) => dateInZone(at, zone));
    if (dates.some((d) => d < startsOn)) {
      throw badRequest('A session of this round would start before the round.', [
        { field: 'body.startsOn', message: `session ${s.id} is scheduled earlier` },
      ]);
    }
    if (dates.some((d) => d > endsOn)) {
      throw badRequest('A session of this round would end after the round.', [
        { field: 'body.endsOn', message: `session ${s.id} is scheduled later` },
      ]);
    }
  }
}

export async function updateRound(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<z.output<typeof RoundPatch>>,
) {
  const row = await loadRound(deps, id);
  guard(roundsPolicy.update(actor, row.series_id), actor);
  const startsOn = patch.startsOn ?? row.starts_on;
  const endsOn = patch.endsOn ?? row.ends_on;
  if (endsOn < startsOn)
    throw badRequest('The round would end before it starts.', [
      { field: 'body.endsOn', message: 'must not be before startsOn' },
    ]);
  await checkPreviousRound(deps, row.series_id, id, patch.previousRoundId);
  checkTransition(row.status as RoundStatus, patch.status);
  if (patch.startsOn !== undefined || patch.endsOn !== undefined || patch.timeZone !== undefined)
    await checkSessionsInside(deps, id, {
      startsOn,
      endsOn,
      zone: patch.timeZone ?? row.time_zone,
    });
  try {
    await roundsRepo.update(deps.db.kysely, id, {
      ...(patch.number !== undefined && { number: patch.number }),
      ...(patch.city !== undefined && { city: patch.city }),
      ...(patch.country !== undefined && { country: patch.country }),
      ...(patch.venue !== undefined && { venue: patch.venue }),
      ...(patch.startsOn !== undefined && { starts_on: patch.startsOn }),
      ...(patch.endsOn !== undefined && { ends_on: patch.endsOn }),
      ...(patch.umbrellaTheme !== undefined && { umbrella_theme: patch.umbrellaTheme }),
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.previousRoundId !== undefined && { previous_round_id: patch.previousRoundId }),
      ...(patch.timeZone !== undefined && { time_zone: patch.timeZone }),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateNumber();
    throw error;
  }
  return getRound(deps, id);
}

/**
 * Only a planned round may be deleted: once it has been in session, what was said and decided
 * in it is kept (conclude it instead).
 */
export async function deleteRound(deps: Deps, actor: Actor, id: string) {
  const row = await loadRound(deps, id);
  guard(roundsPolicy.delete(actor, row.series_id), actor);
  if (row.status !== 'planned')
    throw conflict(`Only a planned round can be deleted; this one is ${row.status}.`);
  try {
    await roundsRepo.delete(deps.db.kysely, id);
  } catch (error) {
    if (isForeignKeyViolation(error)) throw conflict('Other records still refer to this round.');
    throw error;
  }
}
