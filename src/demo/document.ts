import { createHash } from 'node:crypto';
import { FORMAT, FORMAT_VERSION, type SeriesDocument } from '../server/transfer/document.ts';
import {
  DELEGATIONS,
  ORGANISATIONS,
  PAKISTAN_DELEGATES,
  ROUND_2_SESSIONS,
  ROUNDS,
  SERIES,
  US_DELEGATES,
  type NamedPerson,
  type Side,
} from './announcement.ts';
import {
  DEMO_PARTICIPANT_KEY,
  FICTIONAL_AFFILIATION,
  FICTIONAL_ATTENDEES,
  FICTIONAL_MODERATOR,
  FICTIONAL_RAPPORTEUR,
  FICTIONAL_STAFF_AFFILIATION,
} from './fictional.ts';
import { demoLogin, type DemoRole } from './logins.ts';
import { DEMO_STATEMENTS, simulateVotes } from './room.ts';

/** Round 2's first working session: the one with simulated statements and votes (room.ts). */
export const SIMULATED_SESSION_POSITION = 1;

/** Stable UUID-shaped ids, so every demo database has the same ids (handy in docs and bug reports). */
export function demoId(name: string): string {
  const h = createHash('sha256').update(`parley-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const delegationId = (side: Side) => (side ? demoId(`delegation:${side}`) : null);

/**
 * The demo as a series document, the same format `parley export` writes and `parley import`
 * reads, so the demo goes through the one import path.
 */
export function buildDemoDocument(now: Date): SeriesDocument {
  const at = now.toISOString();
  const seriesId = demoId('series');
  const round1 = demoId('round:1');
  const round2 = demoId('round:2');
  const rapporteurId = demoId(`person:${FICTIONAL_RAPPORTEUR.key}`);
  const moderatorId = demoId(`person:${FICTIONAL_MODERATOR.key}`);

  const realPerson = (p: NamedPerson) => ({
    id: demoId(`person:${p.key}`),
    fullName: p.fullName,
    honorific: p.honorific,
    affiliation: '',
    background: p.background,
    gender: p.gender,
    createdAt: at,
  });
  const fictionalPerson = (
    p: { key: string; fullName: string; honorific: string; background: string; gender: string },
    affiliation: string,
  ) => ({
    id: demoId(`person:${p.key}`),
    fullName: p.fullName,
    honorific: p.honorific,
    affiliation,
    background: p.background,
    gender: p.gender,
    createdAt: at,
  });
  const participation = (personKey: string, side: Side, role: string) => ({
    id: demoId(`participation:2:${personKey}`),
    roundId: round2,
    personId: demoId(`person:${personKey}`),
    delegationId: delegationId(side),
    role,
    capacity: 'personal',
    // Round 2 was held: everyone listed attended.
    status: 'confirmed',
    nominatedBy: null,
    approvedBy: null,
    createdAt: at,
    updatedAt: at,
  });
  const member = (role: DemoRole, seriesRole: string, side: Side = null) => ({
    id: demoId(`member:${role}`),
    seriesId,
    userEmail: demoLogin(role).email,
    role: seriesRole,
    delegationId: delegationId(side),
    createdAt: at,
  });
  const account = (role: DemoRole, personKey: string | null = null) => ({
    email: demoLogin(role).email,
    displayName: demoLogin(role).displayName,
    personId: personKey ? demoId(`person:${personKey}`) : null,
  });

  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    series: {
      id: seriesId,
      slug: SERIES.slug,
      title: SERIES.title,
      trackLabel: SERIES.trackLabel,
      description: SERIES.description,
      createdAt: at,
    },
    organisations: ORGANISATIONS.map((o) => ({
      id: demoId(`organisation:${o.key}`),
      name: o.name,
      shortName: o.shortName,
      country: o.country,
      website: '',
      createdAt: at,
    })),
    organisationParts: ORGANISATIONS.map((o, position) => ({
      seriesId,
      organisationId: demoId(`organisation:${o.key}`),
      part: o.part,
      position,
    })),
    delegations: DELEGATIONS.map((name, position) => ({
      id: delegationId(name)!,
      seriesId,
      name,
      position,
    })),
    people: [
      ...US_DELEGATES.map(realPerson),
      ...PAKISTAN_DELEGATES.map(realPerson),
      ...FICTIONAL_ATTENDEES.map((p) => fictionalPerson(p, FICTIONAL_AFFILIATION)),
      fictionalPerson(FICTIONAL_RAPPORTEUR, FICTIONAL_STAFF_AFFILIATION.rapporteur),
      fictionalPerson(FICTIONAL_MODERATOR, FICTIONAL_STAFF_AFFILIATION.moderator),
    ],
    rounds: ROUNDS.map((r) => ({
      id: demoId(`round:${r.number}`),
      seriesId,
      number: r.number,
      city: r.city,
      country: r.country,
      venue: '',
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      umbrellaTheme: r.umbrellaTheme,
      // Round 2's outcome report is the announcement itself, so it is published; round 1's is not in the seed.
      status: r.number === 2 ? 'report_published' : 'concluded',
      previousRoundId: r.number === 2 ? round1 : null,
      timeZone: r.timeZone,
    })),
    // The announcement describes round 2's sessions only; round 1 has none on record.
    sessions: ROUND_2_SESSIONS.map((s, position) => ({
      id: demoId(`session:2:${position}`),
      roundId: round2,
      kind: s.kind,
      position,
      title: s.title,
      startsAt: null,
      endsAt: null,
      chairPersonId: s.kind === 'working' ? moderatorId : null,
      rapporteurPersonId: s.kind === 'working' ? rapporteurId : null,
      // Speeches at an inaugural session are public; the working sessions ran under the Chatham House Rule.
      attributionRule: s.kind === 'inaugural' ? 'on_record' : 'chatham_house',
      status: 'closed',
    })),
    participations: [
      ...US_DELEGATES.map((p) => participation(p.key, 'United States', 'delegate')),
      ...PAKISTAN_DELEGATES.map((p) => participation(p.key, 'Pakistan', 'delegate')),
      ...FICTIONAL_ATTENDEES.map((p) => participation(p.key, p.side, 'attendee')),
      participation(FICTIONAL_RAPPORTEUR.key, null, 'rapporteur'),
      participation(FICTIONAL_MODERATOR.key, null, 'moderator'),
    ],
    seriesMembers: [
      member('organiser', 'organiser'),
      member('partner', 'organiser'),
      member('focalPointUs', 'focal_point', 'United States'),
      member('focalPointPakistan', 'focal_point', 'Pakistan'),
      member('sponsor', 'sponsor'),
    ],
    // SIMULATED: written for the demo, from fictional attendees only (see room.ts).
    ...simulatedRoom(round2StartsOn()),
    accounts: [
      account('organiser'),
      account('partner'),
      account('focalPointUs'),
      account('focalPointPakistan'),
      account('sponsor'),
      account('rapporteur', FICTIONAL_RAPPORTEUR.key),
      account('moderator', FICTIONAL_MODERATOR.key),
      account('participant', DEMO_PARTICIPANT_KEY),
    ],
  };
}

const round2StartsOn = () => ROUNDS.find((r) => r.number === 2)!.startsOn;

/** The statements and votes of the simulated session, timed on the round's first morning. */
function simulatedRoom(
  day: string,
): Pick<SeriesDocument, 'statements' | 'statementRevisions' | 'votes'> {
  const sessionId = demoId(`session:2:${SIMULATED_SESSION_POSITION}`);
  const start = Date.parse(`${day}T05:00:00.000Z`);
  const minute = (n: number) => new Date(start + n * 60_000).toISOString();
  const statementId = (i: number) => demoId(`statement:2:${SIMULATED_SESSION_POSITION}:${i}`);
  const statements = DEMO_STATEMENTS.map((s, i) => ({
    id: statementId(i),
    sessionId,
    kind: s.kind,
    text: s.text,
    translation: s.translation,
    language: 'en',
    authorUserId: null,
    authorParticipationId: s.authorKey ? demoId(`participation:2:${s.authorKey}`) : null,
    origin: s.authorKey ? 'submitted' : 'seeded',
    status: 'approved',
    rejectionReason: null,
    mergedIntoId: null,
    isMeta: 0,
    position: i,
    createdAt: minute(i * 3),
    updatedAt: minute(i * 3),
  }));
  const votes = simulateVotes().map((v) => {
    const cast = minute(v.statementIndex * 3 + 1 + Number(v.voterKey.slice(1)) / 30);
    return {
      clientVoteId: demoId(
        `vote:2:${SIMULATED_SESSION_POSITION}:${v.statementIndex}:${v.voterKey}`,
      ),
      sessionId,
      statementId: statementId(v.statementIndex),
      participationId: demoId(`participation:2:${v.voterKey}`),
      value: v.value,
      createdAt: cast,
      updatedAt: cast,
    };
  });
  return { statements, statementRevisions: [], votes };
}
