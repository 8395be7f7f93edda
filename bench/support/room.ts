import { randomUUID } from 'node:crypto';
import { loadActor } from '../../src/server/auth/session-cookie.ts';
import { loadConfig } from '../../src/server/config.ts';
import type { Db } from '../../src/server/db/connect.ts';
import type { Deps } from '../../src/server/deps.ts';
import { openSession } from '../../src/server/services/accounts.service.ts';
import {
  buildMember,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildSession,
  buildUser,
} from '../../test/support/factories.ts';

/** A signed-in voter, ready for raw HTTP: the cookie and CSRF headers to send. */
export interface BenchVoter {
  participationId: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

export interface BenchRoom {
  sessionId: string;
  statementIds: string[];
  voters: BenchVoter[];
  /** An organiser's Cookie header, for reading (SSE, analysis). */
  organiserCookie: string;
}

const BACKGROUNDS = [
  'former_diplomat',
  'former_military',
  'academic',
  'media',
  'economist',
  'civil_society',
];

/**
 * A Track-II room straight in the database: one open Chatham House session, `voters`
 * participants split between two delegations, `statements` approved statements, and each
 * voter's first `preVoted` statements already voted on (so the analysis has real structure).
 */
export async function seedBenchRoom(
  db: Db,
  options: { voters: number; statements: number; preVoted: number },
): Promise<BenchRoom> {
  const k = db.kysely;
  const deps = {
    db,
    config: loadConfig({ PARLEY_DEMO: 'off' }),
    mailer: null,
    now: () => new Date(),
  } satisfies Deps;
  const series = await buildSeries(k);
  const round = await buildRound(k, { series_id: series.id, status: 'in_session' });
  const session = await buildSession(k, { round_id: round.id, status: 'open' });
  const at = new Date().toISOString();
  const statementIds = Array.from({ length: options.statements }, () => randomUUID());
  await k
    .insertInto('statements')
    .values(
      statementIds.map((id, position) => ({
        id,
        session_id: session.id,
        kind: 'idea',
        text: `Statement ${position + 1}`,
        translation: '',
        language: 'en',
        author_user_id: null,
        author_participation_id: null,
        origin: 'seeded',
        status: 'approved',
        rejection_reason: null,
        merged_into_id: null,
        is_meta: 0,
        position,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  const voters: BenchVoter[] = [];
  for (let i = 0; i < options.voters; i++) {
    const side = i % 2;
    const person = await buildPerson(k, { background: BACKGROUNDS[i % BACKGROUNDS.length] });
    const participation = await buildParticipation(k, {
      round_id: round.id,
      person_id: person.id,
      delegation_id: series.delegations[side].id,
      status: 'confirmed',
    });
    const user = await buildUser(k, { person_id: person.id });
    const { secret } = await openSession(deps, user.id);
    const actor = await loadActor(deps, secret);
    voters.push({
      participationId: participation.id,
      headers: { cookie: `parley_session=${secret}`, 'x-csrf-token': actor.csrfToken! },
    });
    // Two camps that agree on a third of the statements: structure for the opinion map.
    const votes = statementIds.slice(0, options.preVoted).map((statementId, j) => ({
      client_vote_id: randomUUID(),
      session_id: session.id,
      statement_id: statementId,
      participation_id: participation.id,
      value: j % 3 === 0 ? 1 : (j + side + i) % 2 === 0 ? 1 : -1,
      created_at: at,
      updated_at: at,
    }));
    if (votes.length > 0) await k.insertInto('votes').values(votes).execute();
  }
  const organiser = await buildUser(k);
  await buildMember(k, { series_id: series.id, user_id: organiser.id, role: 'organiser' });
  const organiserCookie = `parley_session=${(await openSession(deps, organiser.id)).secret}`;
  return { sessionId: session.id, statementIds, voters, organiserCookie };
}
