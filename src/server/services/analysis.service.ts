import type { RoundAnalysis } from '../../domain/analysis.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { analysisPolicy } from '../policies/analysis.policy.ts';
import { presentRelease, type DelegationLookup } from '../presenters/analysis.presenter.ts';
import { analysisRepo } from '../repositories/analysis.repository.ts';
import { guard } from './guard.ts';
import { liveEvents } from '../repositories/live-events.repository.ts';
import { toLiveEvent } from '../live/fanout.ts';
import type { LiveEvent } from '../live/hub.ts';

async function loadSession(deps: Deps, sessionId: string) {
  const session = await analysisRepo.session(deps.db.kysely, sessionId);
  if (!session) throw notFound('session');
  return session;
}

export async function delegationLookup(deps: Deps, seriesId: string): Promise<DelegationLookup> {
  const rows = await analysisRepo.delegations(deps.db.kysely, seriesId);
  return new Map(rows.map((d) => [d.id, { name: d.name, position: d.position }]));
}

/** The latest release of a session's analysis (null before the first). */
export async function getSessionAnalysis(deps: Deps, actor: Actor, sessionId: string) {
  const session = await loadSession(deps, sessionId);
  guard(analysisPolicy.read(actor, session.series_id, session.round_id), actor, {
    confidential: 'session',
  });
  const row = await analysisRepo.find(deps.db.kysely, sessionId);
  return {
    sessionId,
    title: session.title,
    analysis: row ? presentRelease(row, await delegationLookup(deps, session.series_id)) : null,
  };
}

/** Every session of a round with its latest release, in agenda order. */
export async function getRoundAnalysis(
  deps: Deps,
  actor: Actor,
  roundId: string,
): Promise<RoundAnalysis> {
  const db = deps.db.kysely;
  const round = await analysisRepo.round(db, roundId);
  if (!round) throw notFound('round');
  guard(analysisPolicy.read(actor, round.series_id, roundId), actor, { confidential: 'round' });
  const sessions = await analysisRepo.roundSessions(db, roundId);
  const [rows, names] = await Promise.all([
    analysisRepo.findMany(
      db,
      sessions.map((s) => s.id),
    ),
    delegationLookup(deps, round.series_id),
  ]);
  const bySession = new Map(rows.map((r) => [r.session_id, r]));
  return {
    roundId,
    sessions: sessions.map((s) => {
      const row = bySession.get(s.id);
      return {
        sessionId: s.id,
        title: s.title,
        analysis: row ? presentRelease(row, names) : null,
      };
    }),
  };
}

const mayFollow = (actor: Actor, session: { series_id: string; round_id: string }) =>
  analysisPolicy.subscribe(actor, session.series_id, session.round_id);

/** Checks that the actor may follow a session's live events; 404 for the public, 403 for others. */
export async function authoriseLiveEvents(
  deps: Deps,
  actor: Actor,
  sessionId: string,
): Promise<void> {
  const session = await loadSession(deps, sessionId);
  guard(mayFollow(actor, session), actor, { confidential: 'session' });
}

/**
 * The same rule for re-checking open streams after grants changed: answers whether the actor
 * may still follow the session (false once the session is gone), reading each session once.
 */
export function liveEventsChecker(
  deps: Deps,
): (actor: Actor, sessionId: string) => Promise<boolean> {
  const sessions = new Map<string, ReturnType<typeof analysisRepo.session>>();
  return async (actor, sessionId) => {
    let session = sessions.get(sessionId);
    if (!session)
      sessions.set(sessionId, (session = analysisRepo.session(deps.db.kysely, sessionId)));
    const row = await session;
    return row !== undefined && mayFollow(actor, row);
  };
}

/** The newest stored event's seq of a session (0 when none): where a fresh stream starts. */
export const latestEventSeq = (deps: Deps, sessionId: string) =>
  liveEvents.latestSeq(deps.db.kysely, sessionId);

/** Stored live events of a session after a seq, oldest first (the caller has authorised the actor). */
export async function storedEventsAfter(
  deps: Deps,
  sessionId: string,
  afterSeq: number,
): Promise<LiveEvent[]> {
  const rows = await liveEvents.listAfter(deps.db.kysely, sessionId, afterSeq);
  return rows.map(toLiveEvent);
}
