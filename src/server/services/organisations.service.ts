import type { z } from 'zod';
import type { PageQuery } from '../../domain/common.ts';
import type { OrganisationInput } from '../../domain/series.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { organisationsPolicy } from '../policies/organisations.policy.ts';
import { presentOrganisation } from '../presenters/organisations.presenter.ts';
import { organisationsRepo } from '../repositories/organisations.repository.ts';
import { guard } from './guard.ts';

async function load(deps: Deps, id: string) {
  const row = await organisationsRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('organisation');
  return row;
}

export async function listOrganisations(deps: Deps, page: PageQuery) {
  const { rows, total } = await organisationsRepo.list(deps.db.kysely, page);
  return { items: rows.map(presentOrganisation), total, ...page };
}

export async function getOrganisation(deps: Deps, id: string) {
  return presentOrganisation(await load(deps, id));
}

export async function createOrganisation(
  deps: Deps,
  actor: Actor,
  input: z.output<typeof OrganisationInput>,
) {
  guard(organisationsPolicy.create(actor), actor);
  const row = {
    id: newId(),
    name: input.name,
    short_name: input.shortName,
    country: input.country,
    website: input.website,
    created_at: deps.now().toISOString(),
  };
  await organisationsRepo.insert(deps.db.kysely, row);
  return presentOrganisation(row);
}

export async function updateOrganisation(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<z.output<typeof OrganisationInput>>,
) {
  await load(deps, id);
  guard(organisationsPolicy.update(actor), actor);
  await organisationsRepo.update(deps.db.kysely, id, {
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.shortName !== undefined && { short_name: patch.shortName }),
    ...(patch.country !== undefined && { country: patch.country }),
    ...(patch.website !== undefined && { website: patch.website }),
  });
  return getOrganisation(deps, id);
}
