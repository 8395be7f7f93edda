import type { z } from 'zod';
import type { RapporteurReportInput } from '../../domain/outcomes.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { badRequest, conflict, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { rapporteurReportPolicy } from '../policies/rapporteur-report.policy.ts';
import { presentRevision } from '../presenters/outcomes.presenter.ts';
import {
  presentRapporteurReport,
  presentReviewComment,
} from '../presenters/rapporteur-report.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { outcomesRepo } from '../repositories/outcomes.repository.ts';
import { rapporteurReportRepo } from '../repositories/rapporteur-report.repository.ts';
import { formatInstant } from '../../domain/time.ts';
import { guard } from './guard.ts';
import { loadOutcomeScope } from './outcomes.scope.ts';
import { saveVersioned } from './outcomes.versioned-save.ts';
import { refuseQuotations } from './quoting/guard.ts';

const WHAT = 'The rapporteur’s report';
/** The report's text against the round's Chatham House Rule Plus statements (409 when it reproduces one). */
const refuseQuotes = (deps: Deps, roundId: string, body: string) =>
  refuseQuotations(deps.db.kysely, roundId, WHAT, [{ field: 'body.body', text: body }]);

const APPROVED_MESSAGE = 'The report is approved for publication: its text no longer changes.';

/** The report as the actor may see it: readers always, the round's participants once it is in review. */
async function load(deps: Deps, actor: Actor, roundId: string) {
  const { scope, round } = await loadOutcomeScope(deps, actor, roundId);
  const always = rapporteurReportPolicy.readAlways(actor, scope);
  guard(always || rapporteurReportPolicy.readOnceShared(actor, scope), actor, {
    confidential: 'round',
  });
  const row = await rapporteurReportRepo.findByRound(deps.db.kysely, roundId);
  if (!row || (!always && row.status === 'draft'))
    throw notFound('rapporteur’s report (none shared yet)');
  return { scope, row, zone: round.time_zone };
}

export async function getRapporteurReport(deps: Deps, actor: Actor, roundId: string) {
  return presentRapporteurReport((await load(deps, actor, roundId)).row);
}

/** Approving and publishing the report are audited with the version they concern. */
function auditReport(
  deps: Deps,
  actor: Actor,
  step: 'approve_for_publication' | 'publish',
  seriesId: string,
  row: { id: string; version: number | string },
) {
  return audit.record(deps.db.kysely, deps.now(), {
    actorUserId: actor.user!.id,
    action: `rapporteur_report.${step}`,
    resourceType: 'rapporteur_report',
    resourceId: row.id,
    seriesId,
    detail: { version: row.version },
  });
}

/** The rapporteur drafts (baseVersion 0) or edits; a stale base gets 409 with the current text. */
export async function saveRapporteurReport(
  deps: Deps,
  actor: Actor,
  roundId: string,
  input: z.output<typeof RapporteurReportInput>,
) {
  const { scope } = await loadOutcomeScope(deps, actor, roundId);
  guard(rapporteurReportPolicy.write(actor, scope), actor, { confidential: 'round' });
  const db = deps.db.kysely;
  await saveVersioned(
    deps,
    actor,
    {
      documentType: 'rapporteur_report',
      find: () => rapporteurReportRepo.findByRound(db, roundId),
      locked: (row) =>
        row.status === 'approved_for_publication'
          ? conflict(APPROVED_MESSAGE, [
              { field: 'body.body', message: 'is approved for publication' },
            ])
          : null,
      refuse: (body) => refuseQuotes(deps, roundId, body),
      insert: (trx, id, version, now) =>
        rapporteurReportRepo.insert(trx, {
          id,
          round_id: roundId,
          body: input.body,
          version,
          status: 'draft',
          review_ends_at: null,
          approved_at: null,
          approved_by: null,
          published_at: null,
          created_at: now,
          updated_at: now,
        }),
      updateAtVersion: (trx, id, baseVersion, patch) =>
        rapporteurReportRepo.updateBodyAtVersion(trx, id, baseVersion, patch),
    },
    input,
  );
  return getRapporteurReport(deps, actor, roundId);
}

/** Draft → in review: participants read it and comment privately until `reviewEndsAt`. */
export async function openReview(deps: Deps, actor: Actor, roundId: string, reviewEndsAt: string) {
  const { scope, row } = await load(deps, actor, roundId);
  guard(rapporteurReportPolicy.openReview(actor, scope), actor);
  if (row.status === 'approved_for_publication') throw conflict(APPROVED_MESSAGE);
  if (new Date(reviewEndsAt) <= deps.now())
    throw badRequest('The review window must end in the future.', [
      { field: 'body.reviewEndsAt', message: 'must be in the future' },
    ]);
  if (!row.body.trim())
    throw conflict('The report is empty: write it before sending it for review.');
  await rapporteurReportRepo.update(deps.db.kysely, row.id, {
    status: 'in_review',
    review_ends_at: new Date(reviewEndsAt).toISOString(),
    updated_at: deps.now().toISOString(),
  });
  return getRapporteurReport(deps, actor, roundId);
}

/**
 * In review, window over → approved for publication (organisers). Refused (409) before the review
 * or while its window is open, and when the text reproduces a Chatham House Rule Plus statement.
 */
export async function approveRapporteurReport(deps: Deps, actor: Actor, roundId: string) {
  const { scope, row, zone } = await load(deps, actor, roundId);
  guard(rapporteurReportPolicy.approve(actor, scope), actor);
  if (row.status === 'approved_for_publication')
    throw conflict('The report is already approved for publication.');
  if (row.status !== 'in_review')
    throw conflict(
      'The report has not been reviewed: send it for review by the participants first (POST …/rapporteur-report/review).',
    );
  if (row.review_ends_at && new Date(row.review_ends_at) > deps.now())
    throw conflict(
      `The review window is open until ${formatInstant(row.review_ends_at, zone)}: approve it after that.`,
    );
  await refuseQuotes(deps, roundId, row.body);
  const now = deps.now().toISOString();
  await rapporteurReportRepo.update(deps.db.kysely, row.id, {
    status: 'approved_for_publication',
    approved_at: now,
    approved_by: actor.user!.id,
    updated_at: now,
  });
  await auditReport(deps, actor, 'approve_for_publication', scope.seriesId, row);
  return getRapporteurReport(deps, actor, roundId);
}

/** Marks the approved report as published (the public report may carry it from now). Without approval, or quoting: 409. */
export async function publishRapporteurReport(deps: Deps, actor: Actor, roundId: string) {
  const { scope, row } = await load(deps, actor, roundId);
  guard(rapporteurReportPolicy.publish(actor, scope), actor);
  if (row.status !== 'approved_for_publication')
    throw conflict(
      'The report is not approved for publication: an organiser approves it after the review, then it can be published.',
    );
  if (!row.published_at) {
    // Statements may have come since the approval.
    await refuseQuotes(deps, roundId, row.body);
    const now = deps.now().toISOString();
    await rapporteurReportRepo.update(deps.db.kysely, row.id, {
      published_at: now,
      updated_at: now,
    });
    await auditReport(deps, actor, 'publish', scope.seriesId, row);
  }
  return getRapporteurReport(deps, actor, roundId);
}

export async function listReviewComments(deps: Deps, actor: Actor, roundId: string) {
  const { scope, row } = await load(deps, actor, roundId);
  const all = rapporteurReportPolicy.readAllComments(actor, scope);
  const rows = await rapporteurReportRepo.comments(
    deps.db.kysely,
    row.id,
    all ? undefined : actor.user!.id,
  );
  return { items: rows.map((c) => presentReviewComment(c, actor.user!.id, all)) };
}

/** A participant's private comment, during the review window only. */
export async function addReviewComment(deps: Deps, actor: Actor, roundId: string, body: string) {
  const { scope, row } = await load(deps, actor, roundId);
  guard(rapporteurReportPolicy.comment(actor, scope), actor);
  if (
    row.status !== 'in_review' ||
    (row.review_ends_at && new Date(row.review_ends_at) <= deps.now())
  ) {
    throw conflict('The report is not open for review comments now.');
  }
  const comment = {
    id: newId(),
    report_id: row.id,
    author_user_id: actor.user!.id,
    body,
    at: deps.now().toISOString(),
  };
  await rapporteurReportRepo.insertComment(deps.db.kysely, comment);
  return presentReviewComment({ ...comment, display_name: null }, actor.user!.id, false);
}

export async function listReportRevisions(deps: Deps, actor: Actor, roundId: string) {
  const { scope, row } = await load(deps, actor, roundId);
  guard(rapporteurReportPolicy.readAlways(actor, scope), actor);
  return {
    items: (await outcomesRepo.revisions(deps.db.kysely, 'rapporteur_report', row.id)).map(
      presentRevision,
    ),
  };
}
