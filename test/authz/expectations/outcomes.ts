import { newId } from '../../../src/server/ids.ts';
import { buildRound, buildSession } from '../../support/factories.ts';
import type { World } from '../world.ts';
import {
  organisersOnly,
  roles,
  roundParams,
  seriesParams,
  sessionParams,
  type Expectations,
} from './types.ts';

/**
 * Outcomes (issue 6). Nothing here is public: the public gets 404, sponsors and focal points
 * without a seat 403. Rapporteurs and organisers write; moderators read; participants read what
 * was shared with them; heads of delegation endorse; only the rapporteur writes the report.
 */
let n = 5000;
const next = () => ++n;
const now = () => new Date().toISOString();

const roundReaders = (ok: number) =>
  roles(403, {
    admin: ok,
    organiser: ok,
    rapporteur: ok,
    moderator: ok,
    participant: ok,
    public: 404,
  });
const outcomeReaders = (ok: number) =>
  roles(403, { admin: ok, organiser: ok, rapporteur: ok, moderator: ok, public: 404 });
const writers = (ok: number) =>
  roles(403, { admin: ok, organiser: ok, rapporteur: ok, public: 404 });
/** Draft items do not exist for participants (404). */
const draftWriters = (ok: number) =>
  roles(403, { admin: ok, organiser: ok, rapporteur: ok, participant: 404, public: 404 });
const organisers = (ok: number) => roles(403, { admin: ok, organiser: ok, public: 404 });

async function buildStatement(w: World, sessionId = w.session.id) {
  const id = newId();
  await w.db
    .insertInto('statements')
    .values({
      id,
      session_id: sessionId,
      kind: 'idea',
      text: `Outcome evidence ${id.slice(0, 8)}`,
      translation: '',
      language: 'en',
      author_user_id: null,
      author_participation_id: null,
      origin: 'seeded',
      status: 'approved',
      rejection_reason: null,
      merged_into_id: null,
      is_meta: 0,
      position: 0,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}

async function buildItem(w: World, visibility = 'draft') {
  const id = newId();
  await w.db
    .insertInto('outcome_items')
    .values({
      id,
      round_id: w.round.id,
      session_id: w.session.id,
      type: 'idea',
      title: 'A hotline',
      body: 'Open a hotline.',
      visibility,
      version: 1,
      created_by: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}

async function conclusionsVersion(w: World) {
  const row = await w.db
    .selectFrom('conclusions')
    .select('version')
    .where('round_id', '=', w.round.id)
    .executeTakeFirst();
  if (row) return Number(row.version);
  await w.db
    .insertInto('conclusions')
    .values({
      id: newId(),
      round_id: w.round.id,
      body: 'Continuity of engagement.',
      version: 1,
      frozen_at: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return 1;
}

/** The world round's report, in review until far in the future (participants read and comment). */
async function reportVersion(w: World) {
  const row = await w.db
    .selectFrom('rapporteur_reports')
    .select('version')
    .where('round_id', '=', w.round.id)
    .executeTakeFirst();
  if (row) return Number(row.version);
  await w.db
    .insertInto('rapporteur_reports')
    .values({
      id: newId(),
      round_id: w.round.id,
      body: 'The talks were candid.',
      version: 1,
      status: 'in_review',
      review_ends_at: '2999-01-01T00:00:00.000Z',
      approved_at: null,
      approved_by: null,
      published_at: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return 1;
}

/** A fresh round of the series whose report is in the given state (review window over). */
async function roundWithReport(w: World, status: string) {
  const round = await buildRound(w.db, { series_id: w.series.id, number: next() });
  await w.db
    .insertInto('rapporteur_reports')
    .values({
      id: newId(),
      round_id: round.id,
      body: 'Candid talks.',
      version: 1,
      status,
      review_ends_at: '2000-01-01T00:00:00.000Z',
      approved_at: null,
      approved_by: null,
      published_at: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id: round.id };
}

async function buildRecommendation(w: World) {
  const id = newId();
  const number = next();
  await w.db
    .insertInto('recommendations')
    .values({
      id,
      round_id: w.round.id,
      number,
      session_id: null,
      title: 'Keep talking',
      body: '',
      addressees: '[]',
      status: 'proposed',
      created_by: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return id;
}

const statusChange = () => ({
  status: 'agreed',
  on: '2026-04-06',
  evidence: { text: 'Agreed in the closing session.' },
});

export const expectations: Expectations = {
  'GET /api/v1/rounds/{id}/outcome-items': { params: roundParams, expect: roundReaders(200) },
  'POST /api/v1/rounds/{id}/outcome-items': {
    params: roundParams,
    body: (w) => ({ sessionId: w.session.id, type: 'idea', title: 'A hotline' }),
    expect: writers(201),
  },
  'GET /api/v1/outcome-items/{id}': {
    params: async (w) => ({ id: await buildItem(w) }),
    expect: { ...draftWriters(200), moderator: 200 },
  },
  'PATCH /api/v1/outcome-items/{id}': {
    params: async (w) => ({ id: await buildItem(w) }),
    body: () => ({ baseVersion: 1, body: 'Open a hotline soon.' }),
    expect: draftWriters(200),
  },
  'GET /api/v1/outcome-items/{id}/revisions': {
    params: async (w) => ({ id: await buildItem(w) }),
    expect: { ...draftWriters(200), moderator: 200 },
  },
  'POST /api/v1/outcome-items/{id}/evidence': {
    params: async (w) => ({ id: await buildItem(w) }),
    body: async (w) => ({ statementIds: [await buildStatement(w)] }),
    expect: draftWriters(200),
  },
  'DELETE /api/v1/outcome-items/{id}/evidence/{statementId}': {
    params: async (w) => {
      const id = await buildItem(w);
      const statementId = await buildStatement(w);
      await w.db
        .insertInto('outcome_evidence')
        .values({
          item_id: id,
          statement_id: statementId,
          quotable: 1,
          snapshot: '{}',
          linked_at: now(),
        })
        .execute();
      return { id, statementId };
    },
    expect: draftWriters(204),
  },
  // Sharing is the writers' call, approving for publication the organisers'.
  'POST /api/v1/outcome-items/{id}/visibility': {
    params: async (w) => ({ id: await buildItem(w) }),
    body: () => ({ visibility: 'public' }),
    expect: roles(403, { admin: 200, organiser: 200, participant: 404, public: 404 }),
  },

  'GET /api/v1/rounds/{id}/conclusions': {
    params: async (w) => (await conclusionsVersion(w), roundParams(w)),
    expect: roundReaders(200),
  },
  'PUT /api/v1/rounds/{id}/conclusions': {
    params: roundParams,
    body: async (w) => ({
      baseVersion: await conclusionsVersion(w),
      body: `Continuity of engagement ${next()}.`,
    }),
    expect: writers(200),
  },
  // Only heads of delegation endorse; the world has none.
  'POST /api/v1/rounds/{id}/conclusions/endorsements': {
    params: roundParams,
    body: async (w) => ({ version: await conclusionsVersion(w) }),
    expect: roles(403, { public: 404 }),
  },
  'GET /api/v1/rounds/{id}/conclusions/revisions': {
    params: async (w) => (await conclusionsVersion(w), roundParams(w)),
    expect: roundReaders(200),
  },

  'GET /api/v1/rounds/{id}/rapporteur-report': {
    params: async (w) => (await reportVersion(w), roundParams(w)),
    expect: roundReaders(200),
  },
  // The rapporteur's sole responsibility: not even organisers write it.
  'PUT /api/v1/rounds/{id}/rapporteur-report': {
    params: roundParams,
    body: async (w) => ({ baseVersion: await reportVersion(w), body: `Candid ${next()}.` }),
    expect: roles(403, { rapporteur: 200, public: 404 }),
  },
  'POST /api/v1/rounds/{id}/rapporteur-report/review': {
    params: async (w) => (await reportVersion(w), roundParams(w)),
    body: () => ({ reviewEndsAt: '2999-01-01T00:00:00Z' }),
    expect: roles(403, { rapporteur: 200, public: 404 }),
  },
  'POST /api/v1/rounds/{id}/rapporteur-report/approval': {
    params: (w) => roundWithReport(w, 'in_review'),
    expect: organisers(200),
  },
  'POST /api/v1/rounds/{id}/rapporteur-report/publication': {
    params: (w) => roundWithReport(w, 'approved_for_publication'),
    expect: organisers(200),
  },
  'GET /api/v1/rounds/{id}/rapporteur-report/comments': {
    params: async (w) => (await reportVersion(w), roundParams(w)),
    expect: roundReaders(200),
  },
  // Those taking part in the round comment; organisers without a seat do not.
  'POST /api/v1/rounds/{id}/rapporteur-report/comments': {
    params: async (w) => (await reportVersion(w), roundParams(w)),
    body: () => ({ body: 'Paragraph 2 overstates the agreement.' }),
    expect: roles(403, { rapporteur: 201, moderator: 201, participant: 201, public: 404 }),
  },
  'GET /api/v1/rounds/{id}/rapporteur-report/revisions': {
    params: async (w) => (await reportVersion(w), roundParams(w)),
    expect: outcomeReaders(200),
  },

  'GET /api/v1/rounds/{id}/recommendations': { params: roundParams, expect: roundReaders(200) },
  'POST /api/v1/rounds/{id}/recommendations': {
    params: roundParams,
    body: () => ({ title: 'Restore the visa desk', addressees: ['US State Department'] }),
    expect: writers(201),
  },
  'GET /api/v1/recommendations/{id}': {
    params: async (w) => ({ id: await buildRecommendation(w) }),
    expect: roundReaders(200),
  },
  'PATCH /api/v1/recommendations/{id}': {
    params: async (w) => ({ id: await buildRecommendation(w) }),
    body: () => ({ addressees: ['Pakistan Ministry of Foreign Affairs'] }),
    expect: writers(200),
  },
  'POST /api/v1/recommendations/{id}/status': {
    params: async (w) => ({ id: await buildRecommendation(w) }),
    body: statusChange,
    expect: writers(201),
  },
  'POST /api/v1/recommendations/{id}/carry': {
    params: async (w) => ({ id: await buildRecommendation(w) }),
    body: async (w) => ({
      roundId: (await buildRound(w.db, { series_id: w.series.id, number: next() })).id,
    }),
    expect: organisers(201),
  },

  'GET /api/v1/series/{id}/continuity': {
    params: seriesParams,
    expect: roles(403, { admin: 200, organiser: 200, rapporteur: 200, public: 404 }),
  },
  'POST /api/v1/statements/{id}/asked-again-as': {
    params: async (w) => ({ id: await buildStatement(w) }),
    body: async (w) => {
      const later = await buildRound(w.db, { series_id: w.series.id, number: next() });
      const session = await buildSession(w.db, { round_id: later.id });
      return { statementId: await buildStatement(w, session.id) };
    },
    expect: organisers(201),
  },

  'GET /api/v1/rounds/{id}/export': { params: roundParams, expect: organisers(200) },
  'GET /api/v1/sessions/{id}/export/polis': { params: sessionParams, expect: organisers(200) },
  'POST /api/v1/rounds/{id}/sessions/polis-import': {
    params: roundParams,
    body: () => ({
      files: {
        'comments.csv':
          'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1,,0,0,0,0,1,Imported\n',
        'votes.csv': 'timestamp,datetime,comment-id,voter-id,vote\n1,,0,0,1\n',
      },
    }),
    expect: organisersOnly(201),
  },
};
