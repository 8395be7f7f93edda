import { buildVoteMatrix } from '../../analysis/matrix.ts';
import type { AttributionRule } from '../../domain/enums.ts';
import { STATEMENT_MAX } from '../../domain/statements.ts';
import { CsvError } from '../../polis/csv.ts';
import { readPolisExport, type PolisExport } from '../../polis/read.ts';
import type { Actor } from '../auth/actor.ts';
import type { Deps } from '../deps.ts';
import { badRequest, notFound } from '../http/errors.ts';
import { newId } from '../ids.ts';
import { releaseInProcess } from '../live/recompute.job.ts';
import { sessionsPolicy } from '../policies/sessions.policy.ts';
import { audit } from '../repositories/audit.repository.ts';
import { polisImportRepo } from '../repositories/polis-import.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { guard } from './guard.ts';

export interface PolisImportOptions {
  title?: string;
  attributionRule: Exclude<AttributionRule, 'off_record'>;
  language: string;
}

/** A bad file, answered as 400 naming the file and the line (`votes.csv:12: ...`). */
function invalidFile(file: string, message: string) {
  return badRequest(`The Polis export is not valid: ${message}`, [
    { field: `body.files["${file}"]`, message },
  ]);
}

/** Polis writes epoch milliseconds (open data) or seconds (its newer server): read either as ms. */
const toMs = (t: number) => (Math.abs(t) > 2e10 ? t : t * 1000);

/** The one instant of the imported rows: the conversation's latest time, else now. */
function importInstant(data: PolisExport, now: Date): string {
  let latest = Number.NEGATIVE_INFINITY;
  for (const t of data.table.at ?? []) if (Number.isFinite(t)) latest = Math.max(latest, toMs(t));
  for (const c of data.comments) {
    const t = Number(c.timestamp);
    if (c.timestamp !== '' && Number.isFinite(t)) latest = Math.max(latest, toMs(t));
  }
  return new Date(Number.isFinite(latest) ? latest : now.getTime()).toISOString();
}

async function readStrictly(folder: string): Promise<PolisExport> {
  let data: PolisExport;
  try {
    data = await readPolisExport(folder, { strict: true, maxCommentLength: STATEMENT_MAX });
  } catch (error) {
    if (error instanceof CsvError) throw invalidFile(error.file, error.message);
    throw error;
  }
  if (data.voteSource === 'none')
    throw invalidFile('votes.csv', 'votes.csv: missing (give votes.csv or participants-votes.csv)');
  return data;
}

/** The round to import into, once the actor may add sessions to it (organisers; no actor: the CLI). */
export async function authoriseImport(deps: Deps, actor: Actor | null, roundId: string) {
  const round = await roundsRepo.find(deps.db.kysely, roundId);
  if (!round) throw notFound('round');
  if (actor) guard(sessionsPolicy.create(actor, round.series_id), actor);
  return round;
}

/**
 * Brings a Polis export (a folder of its CSV files) into a round as a new, closed session:
 * comments become statements in comment-id order (moderated out: rejected; otherwise approved),
 * with no author; each Polis participant becomes a pseudonymous person ("Polis participant 17")
 * with a withdrawn observer's participation, so they vote in that session only, are counted
 * nowhere in the round and can never sign in; their latest vote per comment is kept. Every row
 * carries one instant (the conversation's latest time), not Polis's per-vote times. One
 * transaction; then the session is analysed. Organisers, or the operator at the CLI (no actor).
 */
export async function importPolisSession(
  deps: Deps,
  actor: Actor | null,
  roundId: string,
  folder: string,
  options: PolisImportOptions,
) {
  const db = deps.db.kysely;
  const round = await authoriseImport(deps, actor, roundId);
  const data = await readStrictly(folder);
  const at = importInstant(data, deps.now());
  const sessionId = newId();
  const statementIds = new Map(data.comments.map((c) => [c.id, newId()]));
  const matrix = buildVoteMatrix(data.table);
  const people = matrix.participants.map((polisId) => ({
    id: newId(),
    full_name: `Polis participant ${polisId}`,
    honorific: '',
    affiliation: 'Pseudonymous participant of an imported Polis conversation',
    background: 'other',
    gender: 'undisclosed',
    created_at: at,
  }));
  const participations = people.map((person) => ({
    id: newId(),
    round_id: roundId,
    person_id: person.id,
    delegation_id: null,
    role: 'observer',
    capacity: 'personal',
    status: 'withdrawn',
    nominated_by: null,
    approved_by: null,
    created_at: at,
    updated_at: at,
  }));
  const votes = participations.flatMap((participation, i) => {
    const cells = [];
    for (let p = matrix.rowStart[i]; p < matrix.rowStart[i + 1]; p++) {
      const comment = matrix.statements[matrix.statementIndex[p]].id;
      cells.push({
        client_vote_id: newId(),
        session_id: sessionId,
        statement_id: statementIds.get(comment)!,
        participation_id: participation.id,
        value: matrix.value[p],
        created_at: at,
        updated_at: at,
      });
    }
    return cells;
  });
  const title = options.title ?? data.summary.topic?.trim().slice(0, 500);
  await db.transaction().execute(async (trx) => {
    const position = await polisImportRepo.nextSessionPosition(trx, roundId);
    await polisImportRepo.insert(trx, {
      session: {
        id: sessionId,
        round_id: roundId,
        kind: 'other',
        position,
        title: title || 'Imported Polis conversation',
        starts_at: null,
        ends_at: null,
        chair_person_id: null,
        rapporteur_person_id: null,
        attribution_rule: options.attributionRule,
        status: 'closed',
      },
      statements: data.comments.map((c, position) => ({
        id: statementIds.get(c.id)!,
        session_id: sessionId,
        kind: 'idea',
        text: c.body.trim(),
        translation: '',
        language: options.language,
        author_user_id: null,
        author_participation_id: null,
        origin: 'seeded',
        status: c.moderated < 0 ? 'rejected' : 'approved',
        rejection_reason: c.moderated < 0 ? 'Moderated out in Polis' : null,
        merged_into_id: null,
        is_meta: 0,
        position,
        created_at: at,
        updated_at: at,
      })),
      people,
      participations,
      votes,
    });
    await audit.record(trx, deps.now(), {
      actorUserId: actor?.user?.id ?? null,
      action: 'session.import_polis',
      resourceType: 'session',
      resourceId: sessionId,
      seriesId: round.series_id,
      detail: { statements: statementIds.size, participants: people.length, votes: votes.length },
    });
  });
  if (deps.live) deps.live.votesChanged(sessionId);
  else await releaseInProcess(db, sessionId, deps.now());
  return {
    sessionId,
    statements: statementIds.size,
    participants: people.length,
    votes: votes.length,
  };
}
