import type { z } from 'zod';
import type { PageQuery } from '../../domain/common.ts';
import type { PersonInput } from '../../domain/people.ts';
import type { Actor } from '../auth/actor.ts';
import type { PeopleTable } from '../db/schema.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { focalPointDelegationsAnywhere, peoplePolicy } from '../policies/people.policy.ts';
import { presentPerson } from '../presenters/people.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { peopleRepo } from '../repositories/people.repository.ts';
import { guard } from './guard.ts';

const CONFIDENTIAL = { confidential: 'person' };

/** Loads a person the actor may read (404 for an unknown id, and for the public on any id). */
async function loadReadable(deps: Deps, actor: Actor, id: string, rule: 'read' | 'update') {
  const row = await peopleRepo.find(deps.db.kysely, id);
  if (!row) throw notFound('person');
  const delegationIds = await peopleRepo.delegationIdsOf(deps.db.kysely, id);
  guard(peoplePolicy[rule](actor, id, delegationIds), actor, CONFIDENTIAL);
  return row;
}

/**
 * The directory read is audited (action `people.view`) because a page of the directory is a
 * disclosure of who takes part, like an export. Opening one record is not: it is routine
 * work on a person the reader already deals with, and auditing it would drown the log.
 */
export async function listPeople(deps: Deps, actor: Actor, page: PageQuery) {
  guard(peoplePolicy.list(actor), actor, { confidential: 'people' });
  const all = peoplePolicy.listAll(actor);
  const scope = all ? { all } : { delegationIds: focalPointDelegationsAnywhere(actor) };
  const { rows, total } = await peopleRepo.list(deps.db.kysely, scope, page);
  await audit.record(deps.db.kysely, deps.now(), {
    actorUserId: actor.user!.id,
    action: 'people.view',
    resourceType: 'person',
    resourceId: null,
    seriesId: null,
    detail: {
      scope: all ? 'all' : 'own delegations',
      limit: page.limit,
      offset: page.offset,
      returned: rows.length,
    },
  });
  return { items: rows.map(presentPerson), total, ...page };
}

export async function getPerson(deps: Deps, actor: Actor, id: string) {
  return presentPerson(await loadReadable(deps, actor, id, 'read'));
}

export async function createPerson(deps: Deps, actor: Actor, input: z.output<typeof PersonInput>) {
  guard(peoplePolicy.create(actor), actor);
  const row = personRow(deps, input);
  await peopleRepo.insert(deps.db.kysely, row);
  return presentPerson(row);
}

/** A new people row (also used for the inline person of a nomination). */
export function personRow(deps: Deps, input: z.output<typeof PersonInput>): PeopleTable {
  return {
    id: newId(),
    full_name: input.fullName,
    honorific: input.honorific,
    affiliation: input.affiliation,
    background: input.background,
    gender: input.gender,
    created_at: deps.now().toISOString(),
  };
}

export async function updatePerson(
  deps: Deps,
  actor: Actor,
  id: string,
  patch: Partial<z.output<typeof PersonInput>>,
) {
  await loadReadable(deps, actor, id, 'update');
  await peopleRepo.update(deps.db.kysely, id, {
    ...(patch.fullName !== undefined && { full_name: patch.fullName }),
    ...(patch.honorific !== undefined && { honorific: patch.honorific }),
    ...(patch.affiliation !== undefined && { affiliation: patch.affiliation }),
    ...(patch.background !== undefined && { background: patch.background }),
    ...(patch.gender !== undefined && { gender: patch.gender }),
  });
  return getPerson(deps, actor, id);
}
