import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import type { Client } from '../support/app.ts';
import {
  buildOrganisation,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildSession,
} from '../support/factories.ts';

/**
 * A held round with everything a public report is composed from: organisers of each part, a
 * previous round the same year, an inaugural and two working sessions, a head of delegation and
 * delegates, and other attendees whose smallest background groups must be merged.
 */
export async function buildReportableRound(db: Kysely<Database>, options: { title?: string } = {}) {
  const series = await buildSeries(db, { title: options.title ?? 'North-South Dialogue' }, [
    'Northland',
    'Southland',
  ]);
  const [north, south] = series.delegations;
  const parts = [
    ['Peace Institute', 'PI', 'convener'],
    ['Partner Centre', '', 'partner'],
    ['Friendly Foundation', '', 'sponsor'],
  ] as const;
  for (const [position, [name, shortName, part]] of parts.entries()) {
    const organisation = await buildOrganisation(db, { name, short_name: shortName });
    await db
      .insertInto('series_organisations')
      .values({ series_id: series.id, organisation_id: organisation.id, part, position })
      .execute();
  }
  const first = await buildRound(db, {
    series_id: series.id,
    number: 1,
    city: 'Northport',
    country: 'Northland',
    starts_on: '2026-02-10',
    ends_on: '2026-02-11',
    status: 'concluded',
  });
  const round = await buildRound(db, {
    series_id: series.id,
    number: 3,
    city: 'Southbay',
    country: 'Southland',
    venue: 'Harbour Hall',
    starts_on: '2026-06-01',
    ends_on: '2026-06-03',
    umbrella_theme: 'Water & Peace',
    status: 'concluded',
    previous_round_id: first.id,
  });
  await buildSession(db, {
    round_id: round.id,
    kind: 'inaugural',
    position: 0,
    title: 'Opening',
    attribution_rule: 'on_record',
  });
  await buildSession(db, {
    round_id: round.id,
    kind: 'working',
    position: 1,
    title: 'Rivers – who shares what?',
  });
  await buildSession(db, {
    round_id: round.id,
    kind: 'working',
    position: 2,
    title: 'Trade after the floods',
  });

  const person = async (fullName: string, honorific = '', background = 'other') =>
    buildPerson(db, { full_name: fullName, honorific, background });
  const take = async (
    p: { id: string },
    role: 'head_of_delegation' | 'delegate' | 'attendee' | 'rapporteur',
    delegationId: string | null,
    status: 'confirmed' | 'declined' = 'confirmed',
  ) =>
    buildParticipation(db, {
      round_id: round.id,
      person_id: p.id,
      delegation_id: delegationId,
      role,
      status,
    });
  await take(await person('Nora North', 'Ambassador'), 'head_of_delegation', north.id);
  await take(await person('Ned Nolan'), 'delegate', north.id);
  await take(await person('Sara South', 'Dr.'), 'delegate', south.id);
  await take(await person('Declan Declined'), 'delegate', south.id, 'declined');
  // Three economists and four former diplomats are named groups; one academic and one journalist are merged into "others".
  const attendees = [
    'economist',
    'economist',
    'economist',
    'former_diplomat',
    'former_diplomat',
    'former_diplomat',
    'former_diplomat',
    'academic',
    'media',
  ];
  for (const [index, background] of attendees.entries())
    await take(
      await person(`Secret Attendee ${index}`, '', background),
      'attendee',
      index % 2 ? north.id : null,
    );
  await take(await person('Rhea Rapporteur', '', 'academic'), 'rapporteur', null);
  return { series, round, first, north, south };
}

/** Composes, approves and publishes a round's report through the API; returns the report. */
export async function publishThroughApi(organiser: Client, roundId: string) {
  const composed = (
    await organiser.request('POST', `/api/v1/rounds/${roundId}/report/compose`)
  ).json();
  await organiser.request('POST', `/api/v1/reports/${composed.id}/approve`, {
    version: composed.version,
  });
  const published = await organiser.request('POST', `/api/v1/reports/${composed.id}/publish`, {});
  if (published.statusCode !== 201)
    throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return composed as { id: string; version: number; text: { en: { headline: string } } };
}
