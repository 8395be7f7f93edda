import { buildDelegation, buildOrganisation, buildSeries } from '../../support/factories.ts';
import { adminOnly, everyone, organisersOnly, seriesParams, type Expectations } from './types.ts';

let n = 0;
const unique = (what: string) => `${what}-${++n}-${Date.now().toString(36)}`;

/** The series, its delegations and its organisations. The series itself is announced: public. */
export const expectations: Expectations = {
  'GET /api/v1/series': { expect: everyone(200) },
  'POST /api/v1/series': {
    body: () => ({
      slug: unique('matrix'),
      title: 'Another Dialogue',
      delegations: ['North', 'South'],
    }),
    expect: adminOnly(201),
  },
  'GET /api/v1/series/{id}': { params: seriesParams, expect: everyone(200) },
  'PATCH /api/v1/series/{id}': {
    params: seriesParams,
    body: () => ({ description: 'Edited by the matrix.' }),
    expect: organisersOnly(200),
  },
  // A fresh series each time: deleting the world's would end the test.
  'DELETE /api/v1/series/{id}': {
    params: async (w) => ({ id: (await buildSeries(w.db)).id }),
    expect: adminOnly(204),
  },

  'POST /api/v1/series/{id}/delegations': {
    params: seriesParams,
    body: () => ({ name: unique('Delegation') }),
    expect: organisersOnly(201),
  },
  'PATCH /api/v1/delegations/{id}': {
    params: (w) => ({ id: w.delegationA.id }),
    body: () => ({ position: 0 }),
    expect: organisersOnly(200),
  },
  'DELETE /api/v1/delegations/{id}': {
    params: async (w) => ({ id: (await buildDelegation(w.db, w.series.id)).id }),
    expect: organisersOnly(204),
  },

  'POST /api/v1/series/{id}/organisations': {
    params: seriesParams,
    body: async (w) => ({ organisationId: (await buildOrganisation(w.db)).id, part: 'partner' }),
    expect: organisersOnly(201),
  },
  'DELETE /api/v1/series/{id}/organisations/{organisationId}': {
    params: async (w) => {
      const organisation = await buildOrganisation(w.db);
      await w.db
        .insertInto('series_organisations')
        .values({
          series_id: w.series.id,
          organisation_id: organisation.id,
          part: 'partner',
          position: 9,
        })
        .execute();
      return { id: w.series.id, organisationId: organisation.id };
    },
    expect: organisersOnly(204),
  },
};
