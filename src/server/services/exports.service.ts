import { releasedVoteCounts } from './releases.ts';
import type { AttributionRule, StatementKind } from '../../domain/enums.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { conflict, HttpError, notFound } from '../http/errors.ts';
import { runRecomputeJob } from '../live/recompute.job.ts';
import { exportsPolicy } from '../policies/exports.policy.ts';
import { parseStoredAnalysis } from '../presenters/analysis.presenter.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';
import { presentDialogueSession } from '../presenters/dialogue-sessions.presenter.ts';
import { presentRound } from '../presenters/rounds.presenter.ts';
import { audit } from '../repositories/audit.repository.ts';
import { dialogueSessionsRepo } from '../repositories/dialogue-sessions.repository.ts';
import { exportsRepo } from '../repositories/exports.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { getRoundAnalysis } from './analysis.service.ts';
import { getConclusions } from './conclusions.service.ts';
import { exportInstant, polisFiles } from './exports.polis.ts';
import { guard } from './guard.ts';
import { QUOTABLE_RULES } from './outcomes.evidence.ts';
import { listOutcomeItems } from './outcomes.service.ts';
import { getRapporteurReport } from './rapporteur-report.service.ts';
import { listRoundRecommendations } from './recommendations.service.ts';

export const EXPORT_FORMAT = 'parley-round-export';

/** A part of the export that may not exist yet (no conclusions drafted): null instead of 404. */
async function orNull<T>(part: Promise<T>): Promise<T | null> {
  try {
    return await part;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return null;
    throw error;
  }
}

/**
 * A round as one JSON document for organisers: its sessions (without chairs or rapporteurs),
 * approved statements without authors, the aggregate analysis, outcome items, conclusions, the
 * rapporteur's report and recommendations. Audited.
 */
export async function exportRound(deps: Deps, actor: Actor, roundId: string) {
  const db = deps.db.kysely;
  const round = await roundsRepo.find(db, roundId);
  if (!round) throw notFound('round');
  guard(exportsPolicy.exportRound(actor, round.series_id), actor, { confidential: 'round' });
  const sessions = await exportsRepo.sessions(db, roundId);
  const rules = new Map(sessions.map((s) => [s.id, s.attribution_rule]));
  const statements = await exportsRepo.approvedStatements(
    db,
    sessions.map((s) => s.id),
  );
  const counts = await releasedVoteCounts(
    deps,
    sessions.map((s) => s.id),
  );
  const [analysis, outcomeItems, conclusions, rapporteurReport, recommendations] =
    await Promise.all([
      getRoundAnalysis(deps, actor, roundId),
      listOutcomeItems(deps, actor, roundId, { limit: 10_000, offset: 0 }),
      orNull(getConclusions(deps, actor, roundId)),
      orNull(getRapporteurReport(deps, actor, roundId)),
      listRoundRecommendations(deps, actor, roundId),
    ]);
  await audit.record(db, deps.now(), {
    actorUserId: actor.user!.id,
    action: 'round.export',
    resourceType: 'round',
    resourceId: roundId,
    seriesId: round.series_id,
  });
  return {
    format: EXPORT_FORMAT,
    exportedAt: deps.now().toISOString(),
    round: presentRound(round),
    sessions: sessions.map((s) => presentDialogueSession(s, false, round.time_zone)),
    statements: statements.map((s) => ({
      id: s.id,
      sessionId: s.session_id,
      kind: s.kind as StatementKind,
      text: s.text,
      translation: s.translation,
      language: s.language,
      position: s.position,
      quotable: QUOTABLE_RULES.includes(rules.get(s.session_id) as AttributionRule),
      counts: counts.get(s.id) ?? null,
    })),
    analysis: analysis.sessions,
    outcomeItems: outcomeItems.items,
    conclusions,
    rapporteurReport,
    recommendations: recommendations.items,
  };
}

/** The opinion groups of the session's current analysis (stored, or brought up to date now). */
async function currentGroups(db: Deps['db']['kysely'], sessionId: string) {
  const job = await runRecomputeJob(db, sessionId);
  const row =
    job.outcome === 'computed'
      ? job.row
      : job.outcome === 'unchanged'
        ? await analysisRepo.find(db, sessionId)
        : undefined;
  const stored = row ? parseStoredAnalysis(row) : null;
  if (!stored) return undefined;
  const { groups, counts } = stored.analysis;
  return { groups, inConv: counts.inConv };
}

/**
 * A session's votes as a Polis export with anonymous participant ids (see exports.polis.ts):
 * one instant on every row, group ids for groups of at least the series' k. Audited.
 */
export async function exportSessionPolis(deps: Deps, actor: Actor, sessionId: string) {
  const db = deps.db.kysely;
  const session = await dialogueSessionsRepo.findWithSeries(db, sessionId);
  if (!session) throw notFound('session');
  guard(exportsPolicy.exportSessionVotes(actor, session.series_id), actor, {
    confidential: 'session',
  });
  if (session.attribution_rule === 'off_record')
    throw conflict(
      'This session was off the record: nothing was captured, so there is nothing to export.',
    );
  const authorsNamed = session.attribution_rule === 'on_record';
  const [statements, votes, context, analysis] = await Promise.all([
    exportsRepo.polisStatements(db, sessionId, authorsNamed),
    exportsRepo.votes(db, sessionId),
    exportsRepo.polisContext(db, session.series_id, session.round_id),
    currentGroups(db, sessionId),
  ]);
  const { round } = context;
  const files = await polisFiles({
    title: session.title,
    url: `${deps.config.publicUrl}/app/sessions/${sessionId}/analysis`,
    description: [
      `${context.seriesTitle}, round ${round.number} (${round.city})`,
      round.umbrella_theme,
    ]
      .filter(Boolean)
      .join(': '),
    instant: exportInstant(session),
    k: context.kAnonymity,
    authorsNamed,
    statements,
    votes,
    analysis,
  });
  await audit.record(db, deps.now(), {
    actorUserId: actor.user!.id,
    action: 'session.export_polis',
    resourceType: 'session',
    resourceId: sessionId,
    seriesId: session.series_id,
    detail: { votes: votes.length, statements: statements.length },
  });
  return { format: 'polis' as const, sessionId, files };
}
