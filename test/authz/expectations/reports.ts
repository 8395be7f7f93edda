import { newId } from '../../../src/server/ids.ts';
import { buildRound } from '../../support/factories.ts';
import type { World } from '../world.ts';
import { organisersOnly, roles, roundParams, type Expectations } from './types.ts';

const TEXT = JSON.stringify({
  headline: 'A report',
  sections: [{ key: 'opening', heading: '', markdown: 'Held.' }],
});
const now = () => new Date().toISOString();

/** A report on a fresh round of the world's series, in the given state (publish and moderation change state, so each call gets its own). */
async function freshReport(w: World, status: 'draft' | 'approved' | 'published') {
  const last = await w.db
    .selectFrom('rounds')
    .select((eb) => eb.fn.max<number>('number').as('n'))
    .where('series_id', '=', w.series.id)
    .executeTakeFirst();
  const round = await buildRound(w.db, {
    series_id: w.series.id,
    number: Number(last?.n ?? 0) + 1,
    status: 'concluded',
  });
  const id = newId();
  await w.db
    .insertInto('reports')
    .values({
      id,
      round_id: round.id,
      status,
      edit_version: 1,
      text_en: TEXT,
      text_ur: TEXT,
      approved_by: null,
      approved_at: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  if (status === 'published') {
    await w.db
      .insertInto('report_versions')
      .values({
        id: newId(),
        report_id: id,
        version: 1,
        text_en: TEXT,
        text_ur: TEXT,
        correction_note: '',
        published_by: null,
        published_at: now(),
      })
      .execute();
  }
  return id;
}

/** The world round's report, created once (draft) and shared by the read and edit expectations. */
async function worldReport(w: World) {
  const existing = await w.db
    .selectFrom('reports')
    .select(['id', 'edit_version'])
    .where('round_id', '=', w.round.id)
    .executeTakeFirst();
  if (existing) return existing;
  const id = newId();
  await w.db
    .insertInto('reports')
    .values({
      id,
      round_id: w.round.id,
      status: 'draft',
      edit_version: 1,
      text_en: TEXT,
      text_ur: TEXT,
      approved_by: null,
      approved_at: null,
      created_at: now(),
      updated_at: now(),
    })
    .execute();
  return { id, edit_version: 1 };
}

async function freshComment(w: World) {
  const reportId = await freshReport(w, 'published');
  const id = newId();
  await w.db
    .insertInto('report_comments')
    .values({
      id,
      report_id: reportId,
      parent_id: null,
      author_name: 'Reader',
      author_email: '',
      body: 'Held.',
      status: 'pending',
      address_hash: 'x',
      created_at: now(),
      moderated_by: null,
      moderated_at: null,
    })
    .execute();
  return id;
}

/** Drafts are the organisers' alone: everyone else 403, the public 404 (a draft's existence is not revealed). */
const organisersDraft = (ok: number) => roles(403, { admin: ok, organiser: ok, public: 404 });

/** The public outcome report and its comments. */
export const expectations: Expectations = {
  'POST /api/v1/rounds/{id}/report/compose': { params: roundParams, expect: organisersOnly(201) },
  'GET /api/v1/rounds/{id}/report': {
    params: async (w) => (await worldReport(w), roundParams(w)),
    expect: organisersDraft(200),
  },
  'GET /api/v1/reports/{id}': {
    params: async (w) => ({ id: (await worldReport(w)).id }),
    expect: organisersDraft(200),
  },
  'PATCH /api/v1/reports/{id}': {
    params: async (w) => ({ id: (await worldReport(w)).id }),
    body: async (w) => ({ baseVersion: (await worldReport(w)).edit_version, en: JSON.parse(TEXT) }),
    expect: organisersDraft(200),
  },
  'POST /api/v1/reports/{id}/approve': {
    params: async (w) => ({ id: (await worldReport(w)).id }),
    body: async (w) => ({ version: (await worldReport(w)).edit_version }),
    expect: organisersDraft(200),
  },
  'POST /api/v1/reports/{id}/publish': {
    params: async (w) => ({ id: await freshReport(w, 'approved') }),
    body: () => ({}),
    expect: organisersDraft(201),
  },
  // Anyone may comment on a published report. The honeypot is filled so that eight roles posting
  // from the test's one address stay under the per-address limit; authorization runs first either way.
  'POST /api/v1/reports/{id}/comments': {
    params: async (w) => ({ id: await freshReport(w, 'published') }),
    body: () => ({ name: 'Reader', text: 'A comment.', website: 'filled by the matrix' }),
    expect: roles(202),
  },
  'GET /api/v1/reports/{id}/comments': {
    params: async (w) => ({ id: await freshReport(w, 'published') }),
    query: () => ({ status: 'pending' }),
    expect: organisersDraft(200),
  },
  'POST /api/v1/comments/{id}/moderation': {
    params: async (w) => ({ id: await freshComment(w) }),
    body: () => ({ decision: 'approve' }),
    expect: organisersDraft(200),
  },
};
