import type { z } from 'zod';
import type { PageQuery } from '../../domain/common.ts';
import type {
  DelegationInput,
  SeriesInput,
  SeriesOrganisationInput,
  SeriesPatch,
} from '../../domain/series.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { seriesPolicy } from '../policies/series.policy.ts';
import { presentDelegation, presentSeries } from '../presenters/series.presenter.ts';
import { organisationsRepo } from '../repositories/organisations.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import { guard } from './guard.ts';
import { isUniqueViolation } from '../db/errors.ts';

async function load(deps: Deps, id: string) {
  const row = await seriesRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('series');
  return row;
}

export async function getSeries(deps: Deps, id: string) {
  const db = deps.db.kysely;
  const row = await load(deps, id);
  const [delegations, organisations] = await Promise.all([
    seriesRepo.delegations(db, [id]),
    seriesRepo.organisations(db, [id]),
  ]);
  return presentSeries(row, delegations, organisations);
}

export async function listSeries(deps: Deps, page: PageQuery) {
  const db = deps.db.kysely;
  const { rows, total } = await seriesRepo.list(db, page);
  const ids = rows.map((r) => r.id);
  const [delegations, organisations] = await Promise.all([
    seriesRepo.delegations(db, ids),
    seriesRepo.organisations(db, ids),
  ]);
  return { items: rows.map((r) => presentSeries(r, delegations, organisations)), total, ...page };
}

export async function createSeries(deps: Deps, actor: Actor, input: z.output<typeof SeriesInput>) {
  guard(seriesPolicy.create(actor), actor);
  const id = newId();
  try {
    await deps.db.kysely.transaction().execute(async (trx) => {
      await seriesRepo.insert(trx, {
        id,
        slug: input.slug,
        title: input.title,
        track_label: input.trackLabel,
        description: input.description,
        k_anonymity: input.kAnonymity,
        created_at: deps.now().toISOString(),
      });
      for (const [position, name] of (input.delegations ?? []).entries()) {
        await seriesRepo.insertDelegation(trx, { id: newId(), series_id: id, name, position });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('A series with this slug exists.', [
        { field: 'body.slug', message: 'already taken' },
      ]);
    throw error;
  }
  return getSeries(deps, id);
}

export async function updateSeries(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: z.output<typeof SeriesPatch>,
) {
  await load(deps, id);
  guard(seriesPolicy.update(actor, id), actor);
  try {
    await seriesRepo.update(deps.db.kysely, id, {
      ...(patch.slug !== undefined && { slug: patch.slug }),
      ...(patch.title !== undefined && { title: patch.title }),
      ...(patch.trackLabel !== undefined && { track_label: patch.trackLabel }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...(patch.kAnonymity !== undefined && { k_anonymity: patch.kAnonymity }),
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('A series with this slug exists.', [
        { field: 'body.slug', message: 'already taken' },
      ]);
    throw error;
  }
  return getSeries(deps, id);
}

export async function deleteSeries(deps: Deps, actor: Actor, id: string) {
  await load(deps, id);
  guard(seriesPolicy.delete(actor), actor);
  await seriesRepo.delete(deps.db.kysely, id);
}

export async function addDelegation(
  deps: Deps,
  actor: Actor,
  seriesId: string,
  input: z.output<typeof DelegationInput>,
) {
  await load(deps, seriesId);
  guard(seriesPolicy.update(actor, seriesId), actor);
  const existing = await seriesRepo.delegations(deps.db.kysely, [seriesId]);
  if (existing.some((d) => d.name === input.name))
    throw conflict('This series already has a delegation of that name.', [
      { field: 'body.name', message: 'already taken' },
    ]);
  const row = {
    id: newId(),
    series_id: seriesId,
    name: input.name,
    position: input.position ?? existing.length,
  };
  await seriesRepo.insertDelegation(deps.db.kysely, row);
  return presentDelegation(row);
}

export async function updateDelegation(
  deps: Deps,
  actor: Actor,
  id: string,
  input: Partial<z.output<typeof DelegationInput>>,
) {
  const row = await seriesRepo.findDelegation(deps.db.kysely, id);
  if (!row) throw notFound('delegation');
  guard(seriesPolicy.update(actor, row.series_id), actor);
  try {
    await seriesRepo.updateDelegation(deps.db.kysely, id, input);
  } catch (error) {
    if (isUniqueViolation(error))
      throw conflict('This series already has a delegation of that name.', [
        { field: 'body.name', message: 'already taken' },
      ]);
    throw error;
  }
  return presentDelegation({ ...row, ...input });
}

export async function deleteDelegation(deps: Deps, actor: Actor, id: string) {
  const row = await seriesRepo.findDelegation(deps.db.kysely, id);
  if (!row) throw notFound('delegation');
  guard(seriesPolicy.update(actor, row.series_id), actor);
  const remaining = await seriesRepo.delegations(deps.db.kysely, [row.series_id]);
  if (remaining.length <= 2) throw conflict('A series keeps at least two delegations.');
  await seriesRepo.deleteDelegation(deps.db.kysely, id);
}

export async function linkOrganisation(
  deps: Deps,
  actor: Actor,
  seriesId: string,
  input: z.output<typeof SeriesOrganisationInput>,
) {
  await load(deps, seriesId);
  guard(seriesPolicy.update(actor, seriesId), actor);
  if (!(await organisationsRepo.find(deps.db.kysely, input.organisationId)))
    throw notFound('organisation');
  const linked = await seriesRepo.organisations(deps.db.kysely, [seriesId]);
  if (linked.some((o) => o.organisation_id === input.organisationId))
    throw conflict('This organisation already has a part in the series.');
  await seriesRepo.linkOrganisation(deps.db.kysely, {
    series_id: seriesId,
    organisation_id: input.organisationId,
    part: input.part,
    position: linked.length,
  });
  return getSeries(deps, seriesId);
}

export async function unlinkOrganisation(
  deps: Deps,
  actor: Actor,
  seriesId: string,
  organisationId: string,
) {
  await load(deps, seriesId);
  guard(seriesPolicy.update(actor, seriesId), actor);
  await seriesRepo.unlinkOrganisation(deps.db.kysely, seriesId, organisationId);
}
