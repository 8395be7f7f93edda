import type { Kysely } from 'kysely';
import type { Background, OrganisationPart, SessionKind } from '../../domain/enums.ts';
import type { Database, RoundsTable } from '../db/schema.ts';
import { dialogueSessionsRepo } from '../repositories/dialogue-sessions.repository.ts';
import { participationsRepo } from '../repositories/participations.repository.ts';
import { roundsRepo } from '../repositories/rounds.repository.ts';
import { seriesRepo } from '../repositories/series.repository.ts';
import type { ReportFacts } from './reports.compose.ts';
import { approvedOutcomesOf } from './reports.outcomes.ts';

const EVERYTHING = { limit: 500, offset: 0 };
/** Who counts as present: the round was held and they took part. */
const PRESENT = ['accepted', 'confirmed'];
/** "Other attendees": everyone present who is neither a delegate nor staff of the dialogue. */
const OTHER_ATTENDEE_ROLES = ['attendee', 'observer'];

const surname = (fullName: string) => fullName.trim().split(/\s+/).at(-1) ?? '';
/** Delegates as lists usually give them: by surname (heads are put first when composing). */
const bySurname = (a: { full_name: string }, b: { full_name: string }) =>
  surname(a.full_name).localeCompare(surname(b.full_name)) ||
  a.full_name.localeCompare(b.full_name);

/** The round before this one: the one it names, else the one numbered just below it. */
async function previousRound(db: Kysely<Database>, round: RoundsTable) {
  if (round.previous_round_id) {
    const named = await roundsRepo.find(db, round.previous_round_id);
    if (named) return named;
  }
  const { rows } = await roundsRepo.listBySeries(db, round.series_id, EVERYTHING);
  return rows.filter((r) => r.number < round.number).at(-1) ?? null;
}

/** Gathers the public facts of a round and its approved outcomes, ready to compose its report. */
export async function loadReportFacts(
  db: Kysely<Database>,
  round: RoundsTable,
): Promise<ReportFacts> {
  const [series, organisations, delegationRows, sessions, delegates, everyone, previous, outcomes] =
    await Promise.all([
      seriesRepo.find(db, round.series_id),
      seriesRepo.organisations(db, [round.series_id]),
      seriesRepo.delegations(db, [round.series_id]),
      dialogueSessionsRepo.listByRound(db, round.id, EVERYTHING),
      participationsRepo.delegatesOf(db, round.id),
      participationsRepo.balanceRows(db, round.id),
      previousRound(db, round),
      approvedOutcomesOf(db, round.id),
    ]);
  return {
    seriesTitle: series?.title ?? '',
    round: {
      number: round.number,
      city: round.city,
      country: round.country,
      venue: round.venue,
      startsOn: round.starts_on,
      endsOn: round.ends_on,
      umbrellaTheme: round.umbrella_theme,
    },
    previous: previous && {
      number: previous.number,
      city: previous.city,
      startsOn: previous.starts_on,
      endsOn: previous.ends_on,
    },
    organisations: organisations.map((o) => ({
      part: o.part as OrganisationPart,
      name: o.name,
      shortName: o.short_name,
    })),
    sessions: [...sessions.rows]
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ kind: s.kind as SessionKind, title: s.title })),
    delegations: [...delegationRows]
      .sort((a, b) => a.position - b.position)
      .map((d) => ({
        name: d.name,
        members: delegates
          .filter((p) => p.delegation === d.name)
          .sort(bySurname)
          .map((p) => ({
            honorific: p.honorific,
            fullName: p.full_name,
            isHead: p.role === 'head_of_delegation',
          })),
      })),
    otherAttendeeBackgrounds: everyone
      .filter((p) => OTHER_ATTENDEE_ROLES.includes(p.role) && PRESENT.includes(p.status))
      .map((p) => p.background as Background),
    outcomes,
  };
}
