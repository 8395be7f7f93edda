import type { PageQuery } from '../../domain/common.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { auditPolicy } from '../policies/audit.policy.ts';
import { presentAuditEntry } from '../presenters/audit.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import { guard } from './guard.ts';

/** The whole audit log, newest first (admins). */
export async function listAudit(deps: Deps, actor: Actor, page: PageQuery) {
  guard(auditPolicy.readAll(actor), actor);
  const { rows, total } = await audit.list(deps.db.kysely, {}, page);
  return { items: rows.map(presentAuditEntry), total, ...page };
}

/** A series' entries, newest first (its organisers). */
export async function listSeriesAudit(deps: Deps, actor: Actor, seriesId: string, page: PageQuery) {
  if (!(await seriesRepo.find(deps.db.kysely, seriesId))) throw notFound('series');
  guard(auditPolicy.readSeries(actor, seriesId), actor);
  const { rows, total } = await audit.list(deps.db.kysely, { seriesId }, page);
  return { items: rows.map(presentAuditEntry), total, ...page };
}
