import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLIS_IMPORT_BODY_LIMIT } from '../../src/domain/outcomes.ts';
import { openSession } from '../../src/server/services/accounts.service.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import {
  buildMember,
  buildOrganisation,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
  buildSession,
  buildUser,
} from '../support/factories.ts';

/**
 * Sends malformed JSON, wrong types, huge strings, unknown fields, bad path ids and bad query
 * values to every route of /api/v1/openapi.json, as the public and as a signed-in admin, and
 * requires a 4xx problem (application/problem+json) every time: never a 5xx.
 * Deterministic: every random choice comes from one seeded generator.
 */

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  minItems?: number;
};
interface Operation {
  method: string;
  url: string;
  pathParams: string[];
  queryParams: Array<{ name: string; schema: Schema }>;
  body?: Schema;
}
interface Actor {
  name: string;
  inject(
    method: string,
    url: string,
    payload?: string,
    contentType?: string,
  ): Promise<LightMyRequestResponse>;
}

/** mulberry32: a tiny seeded generator, so a failure replays exactly. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A well-formed id that names nothing (collections the fixture has no record of, DELETE targets). */
const MISSING_ID = '00000000-0000-4000-8000-00000000f022';
const ONE_HUNDRED_KB = 'x'.repeat(100 * 1024);
const OVER_ONE_MB = 'x'.repeat(1024 * 1024 + 10);
/** Routes that take more than the app's 1 MiB: the body that must get 413 is over their own limit. */
const OVER_ROUTE_LIMIT: Record<string, () => string> = {
  'POST /api/v1/rounds/{id}/sessions/polis-import': () => 'x'.repeat(POLIS_IMPORT_BODY_LIMIT + 10),
};
const BAD_IDS = [
  'does-not-exist',
  'has%20space',
  'x'.repeat(65),
  "'%3B drop table people --",
  '%00',
  '..%2F..%2Fetc',
  '%F0%9F%98%80',
];
/** Ids the router itself rejects before any handler runs: over 100 characters, broken percent-encoding. */
const ROUTER_BAD_IDS = ['x'.repeat(101), '%E0%A4%A', '%'];
const BAD_QUERY_VALUES = ['abc', '-1', '1e309', '', '99999999999999999999', '%00', '1&{name}=2'];
/** SSE streams never end, so inject would wait forever; that route has its own tests. */
const SKIPPED = new Set(['GET /api/v1/sessions/{id}/events']);

function typeOf(s: Schema): string | undefined {
  if (s.anyOf) return typeOf(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]);
  return Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
}

/** A plausible value for a schema, so one field at a time can be made wrong. */
function sample(s: Schema): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sample(s.anyOf.find((x) => x.type !== 'null') ?? s.anyOf[0]);
  switch (typeOf(s)) {
    case 'string':
      if (s.format === 'date') return '2026-04-05';
      if (s.format === 'date-time') return '2026-04-05T10:00:00+05:00';
      if (s.format === 'email') return 'fuzz@example.org';
      if (s.format === 'uri') return 'https://example.org';
      return 'fuzz-value'.padEnd(s.minLength ?? 0, 'x').slice(0, s.maxLength ?? 100);
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
    case 'object':
      return Object.fromEntries(
        (s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {})]),
      );
    default:
      return null;
  }
}

const WRONG_BY_TYPE: Record<string, unknown[]> = {
  string: [12345, true, {}, ['a'], -0.5],
  integer: ['12', 1.5, true, {}, -1e308],
  number: ['12', true, [], {}],
  boolean: ['true', 1, null, {}],
  array: ['a', 1, { 0: 'a' }, null],
  object: ['a', 1, [], true],
};

/** Every property path of a body schema, nested objects one level down, with its schema. */
function fieldsOf(
  s: Schema,
  prefix: string[] = [],
  depth = 0,
): Array<{ path: string[]; schema: Schema }> {
  const out: Array<{ path: string[]; schema: Schema }> = [];
  for (const [key, prop] of Object.entries(s.properties ?? {})) {
    out.push({ path: [...prefix, key], schema: prop });
    const nested =
      prop.anyOf?.find((x) => x.type === 'object') ??
      (typeOf(prop) === 'object' ? prop : undefined);
    if (nested && depth < 1) out.push(...fieldsOf(nested, [...prefix, key], depth + 1));
  }
  return out;
}

function withField(base: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone((base ?? {}) as Record<string, unknown>);
  let at = copy;
  for (const key of path.slice(0, -1)) {
    if (typeof at[key] !== 'object' || at[key] === null || Array.isArray(at[key])) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  at[path[path.length - 1]] = value;
  return copy;
}

function operationsOf(doc: {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: Array<{ name: string; in: string; schema: Schema }>;
        requestBody?: { content: Record<string, { schema: Schema }> };
      }
    >
  >;
}) {
  const ops: Operation[] = [];
  for (const [url, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        url,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content['application/json']?.schema,
      });
    }
  }
  return ops;
}

for (const dialect of testDialects()) {
  describe(`[${dialect}] robustness of every route`, () => {
    let t: TestApp;
    let ops: Operation[];
    let actors: Actor[];
    /** Real ids by the collection named before `{id}`, so validation runs against existing records too. */
    let realIds: Record<string, string>;
    const failures: string[] = [];
    let sent = 0;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const db = t.deps.db.kysely;
      const series = await buildSeries(db);
      const round = await buildRound(db, { series_id: series.id });
      const session = await buildSession(db, { round_id: round.id });
      const person = await buildPerson(db);
      const participation = await buildParticipation(db, {
        round_id: round.id,
        person_id: person.id,
        delegation_id: series.delegations[0].id,
      });
      const organisation = await buildOrganisation(db);
      const admin = await buildUser(db, { is_admin: 1 });
      const someone = await buildUser(db);
      const member = await buildMember(db, {
        series_id: series.id,
        user_id: someone.id,
        role: 'organiser',
      });
      realIds = {
        series: series.id,
        delegations: series.delegations[0].id,
        rounds: round.id,
        sessions: session.id,
        people: person.id,
        participations: participation.id,
        organisations: organisation.id,
        users: someone.id,
        'series-members': member.id,
        organisationId: organisation.id,
      };
      const { secret } = await openSession(t.deps, admin.id);
      const me = await t.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        cookies: { parley_session: secret },
      });
      expect(me.json().user.isAdmin).toBe(true);
      const as =
        (cookies: Record<string, string>, headers: Record<string, string>): Actor['inject'] =>
        (method, url, payload, contentType = 'application/json') =>
          t.app.inject({
            method: method as 'GET',
            url,
            cookies,
            headers: {
              ...headers,
              ...(payload !== undefined ? { 'content-type': contentType } : {}),
            },
            ...(payload !== undefined ? { payload } : {}),
          });
      actors = [
        { name: 'public', inject: as({}, {}) },
        {
          name: 'admin',
          inject: as({ parley_session: secret }, { 'x-csrf-token': me.json().csrfToken }),
        },
      ];
      const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
      ops = operationsOf(doc).filter((op) => !SKIPPED.has(`${op.method} ${op.url}`));
    });
    afterAll(async () => {
      // Guards against a fuzz run that silently stops sending (an empty document, a filter gone wrong).
      expect(sent).toBeGreaterThan(2000);
      await t.close();
    });

    /** The URL with real ids, or with `bad` in place of one parameter. */
    function urlOf(op: Operation, bad?: { param: string; value: string }) {
      return op.url.replace(/\{(\w+)\}/g, (_m, name: string, offset: number) => {
        if (bad?.param === name) return bad.value;
        if (name !== 'id') return realIds[name] ?? MISSING_ID;
        const collection = op.url.slice(0, offset).split('/').filter(Boolean).pop()!;
        return realIds[collection] ?? MISSING_ID;
      });
    }

    /** Signing out would end the admin's session for the rest of the run. */
    const skipFor = (actor: Actor, op: Operation) =>
      actor.name === 'admin' && op.url === '/api/v1/auth/logout';

    async function check(
      actor: Actor,
      op: Operation,
      label: string,
      url: string,
      payload?: string,
      expected?: number,
      contentType?: string,
    ) {
      const res = await actor.inject(op.method, url, payload, contentType);
      sent++;
      const where = `${actor.name} ${op.method} ${op.url} [${label}] -> ${res.statusCode}`;
      if (res.statusCode >= 500) failures.push(`${where}: ${res.body.slice(0, 200)}`);
      else if (
        res.statusCode >= 400 &&
        !String(res.headers['content-type']).includes('application/problem+json')
      )
        failures.push(`${where}: not a problem (${res.headers['content-type']})`);
      // A rate-limited route (login, accepting an invitation) answers 429 before it reads the body.
      else if (expected !== undefined && res.statusCode !== expected && res.statusCode !== 429)
        failures.push(`${where}: expected ${expected}`);
    }

    /** Runs `send` for every route the filter keeps, as every actor, then requires no failure. */
    async function everyRoute(
      keep: (op: Operation) => boolean,
      send: (op: Operation, actor: Actor) => Promise<void>,
    ) {
      for (const op of ops.filter(keep))
        for (const actor of actors) if (!skipFor(actor, op)) await send(op, actor);
      expect(failures.splice(0)).toEqual([]);
    }
    const badIds = (values: string[]) => (op: Operation, actor: Actor) =>
      Promise.all(
        op.pathParams.flatMap((param) =>
          values.map((value) =>
            check(actor, op, `path ${param}=${value.slice(0, 20)}`, urlOf(op, { param, value })),
          ),
        ),
      ).then(() => {});

    it('lists the dialogue model routes in the OpenAPI document', () => {
      const urls = new Set(ops.map((op) => `${op.method} ${op.url}`));
      for (const u of [
        'POST /api/v1/series/{id}/rounds',
        'PATCH /api/v1/sessions/{id}',
        'GET /api/v1/people',
        'GET /api/v1/rounds/{id}/balance',
        'POST /api/v1/organisations',
      ]) {
        expect(urls).toContain(u);
      }
    });

    it('answers bad path ids with a 4xx problem', () =>
      everyRoute((op) => op.pathParams.length > 0, badIds(BAD_IDS)));

    // Fastify's router rejects these before any route runs (414 over-long ids, 400 bad
    // percent-encoding); app.ts's `frameworkErrors` turns them into problems too.
    it('answers ids the router rejects with a 4xx problem', () =>
      everyRoute((op) => op.pathParams.length > 0, badIds(ROUTER_BAD_IDS)));

    it('answers bad query values with a 4xx problem', () => {
      const random = seeded(2026);
      return everyRoute(
        (op) => op.queryParams.length > 0,
        async (op, actor) => {
          for (const { name } of op.queryParams) {
            for (const value of BAD_QUERY_VALUES)
              await check(
                actor,
                op,
                `query ${name}=${value}`,
                `${urlOf(op)}?${name}=${value.replace('{name}', name)}`,
              );
            // Repeated parameters arrive as arrays.
            await check(
              actor,
              op,
              `query ${name} twice`,
              `${urlOf(op)}?${name}=${Math.floor(random() * 10)}&${name}=x`,
            );
          }
          await check(
            actor,
            op,
            'unknown query parameter',
            `${urlOf(op)}?zz${Math.floor(random() * 1000)}=1`,
          );
        },
      );
    });

    it('answers malformed JSON, wrong types and unknown fields with a 4xx problem', () => {
      const random = seeded(1127);
      return everyRoute(
        (op) => op.method !== 'GET',
        async (op, actor) => {
          // DELETE only ever gets a missing id: the fixture must survive the run.
          const url = urlOf(
            op,
            op.method === 'DELETE' ? { param: 'id', value: MISSING_ID } : undefined,
          );
          await check(actor, op, 'malformed JSON', url, '{"a": ', 400);
          for (const raw of ['[]', '"text"', 'null', '42', '{"__proto__": {"isAdmin": true}}'])
            await check(actor, op, `body ${raw}`, url, raw);
          await check(actor, op, 'text/plain body', url, 'hello', undefined, 'text/plain');
          if (!op.body) return;
          const base = sample(op.body);
          // A plausible body reaches the handler with real ids: lookups of ids that do not exist must answer 4xx too.
          await check(actor, op, 'plausible body', url, JSON.stringify(base));
          await check(
            actor,
            op,
            'unknown field',
            url,
            JSON.stringify({ ...(base as object), unexpectedField: 'x' }),
          );
          for (const field of fieldsOf(op.body)) {
            const wrongs = WRONG_BY_TYPE[typeOf(field.schema) ?? 'string'] ?? WRONG_BY_TYPE.string;
            // Two wrong values per field, chosen by the seeded generator.
            for (let i = 0; i < 2; i++) {
              const wrong = wrongs[Math.floor(random() * wrongs.length)];
              await check(
                actor,
                op,
                `${field.path.join('.')}=${JSON.stringify(wrong)}`,
                url,
                JSON.stringify(withField(base, field.path, wrong)),
              );
            }
          }
        },
      );
    });

    it('answers 100 KB strings with no 5xx and bodies over the limit (1 MB unless a route says more) with 413', () =>
      everyRoute(
        (op) => ['POST', 'PATCH', 'PUT'].includes(op.method),
        async (op, actor) => {
          const over = OVER_ROUTE_LIMIT[`${op.method} ${op.url}`]?.() ?? OVER_ONE_MB;
          await check(actor, op, 'over its limit', urlOf(op), JSON.stringify({ text: over }), 413);
          if (!op.body) return;
          const base = sample(op.body);
          for (const field of fieldsOf(op.body).filter((f) => typeOf(f.schema) === 'string')) {
            await check(
              actor,
              op,
              `${field.path.join('.')}=100KB`,
              urlOf(op),
              JSON.stringify(withField(base, field.path, ONE_HUNDRED_KB)),
            );
          }
        },
      ));
  });
}
