import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.ts';
import { testDialects } from '../support/databases.ts';
import { sessionClient } from '../support/factories.ts';
import { matches, type Expectations, type RouteExpectation } from './expectations/types.ts';
import { PENDING_PREFIXES } from './pending.ts';
import { buildWorld, ROLES, type Role, type World } from './world.ts';

/**
 * The authorization matrix: for every route in the OpenAPI document and every role of the
 * seeded world, the status class the role must get. Expectations live in expectations/*.ts
 * (one file per area, each exporting `expectations`). A route without one fails the suite,
 * unless its area is still listed in pending.ts.
 */

interface ApiRoute {
  key: string;
  method: string;
  path: string;
}

async function listApiRoutes(): Promise<ApiRoute[]> {
  const t = await createTestApp('sqlite', { live: false });
  try {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => ({
        key: `${m.toUpperCase()} ${path}`,
        method: m.toUpperCase(),
        path,
      })),
    );
  } finally {
    await t.close();
  }
}

async function loadExpectations() {
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'expectations');
  const all: Expectations = {};
  const duplicates: string[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && f !== 'types.ts')
    .sort()) {
    const module = (await import(pathToFileURL(join(dir, file)).href)) as {
      expectations?: Expectations;
    };
    if (!module.expectations)
      throw new Error(`test/authz/expectations/${file} must export \`expectations\``);
    for (const [key, value] of Object.entries(module.expectations)) {
      if (all[key]) duplicates.push(`${key} (again in ${file})`);
      all[key] = value;
    }
  }
  return { all, duplicates };
}

const isPending = (path: string) => PENDING_PREFIXES.some((prefix) => path.startsWith(prefix));

const routes = await listApiRoutes();
const { all: expectations, duplicates } = await loadExpectations();

function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (params[name] === undefined)
      throw new Error(`the expectation for ${path} gives no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
}

async function send(w: World, route: ApiRoute, spec: RouteExpectation, role: Role) {
  const params = (await spec.params?.(w, role)) ?? {};
  const query = (await spec.query?.(w, role)) ?? {};
  const body = await spec.body?.(w, role);
  const search = new URLSearchParams(query).toString();
  const url = fillPath(route.path, params) + (search ? `?${search}` : '');
  const client =
    spec.freshSession && role !== 'public'
      ? await sessionClient(w.t, w.users[role].id)
      : w.clients[role];
  return client.request(route.method, url, body);
}

describe('authorization matrix coverage', () => {
  it('has an expectation for every route in the OpenAPI document', () => {
    const missing = routes
      .filter((r) => !expectations[r.key] && !isPending(r.path))
      .map((r) => r.key);
    expect(missing, 'add these routes to a file in test/authz/expectations/').toEqual([]);
  });
  it('has no expectation for a route that does not exist', () => {
    const known = new Set(routes.map((r) => r.key));
    expect(
      Object.keys(expectations).filter((k) => !known.has(k)),
      'stale keys: the route was renamed or removed',
    ).toEqual([]);
  });
  it('defines each route once', () => {
    expect(duplicates).toEqual([]);
  });
  it('lists no pending area whose routes are all covered', () => {
    const done = PENDING_PREFIXES.filter((prefix) => {
      const under = routes.filter((r) => r.path.startsWith(prefix));
      return under.length > 0 && under.every((r) => expectations[r.key]);
    });
    expect(done, 'remove these prefixes from test/authz/pending.ts').toEqual([]);
  });
});

for (const dialect of testDialects()) {
  describe(`[${dialect}] authorization matrix`, () => {
    let t: TestApp;
    let w: World;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      w = await buildWorld(t);
    }, 60_000);
    afterAll(() => t.close());

    for (const route of routes.filter((r) => expectations[r.key])) {
      it(route.key, async () => {
        const spec = expectations[route.key];
        const wrong: string[] = [];
        for (const role of ROLES) {
          const res = await send(w, route, spec, role);
          if (!matches(spec.expect[role], res.statusCode))
            wrong.push(
              `${role}: expected ${spec.expect[role]}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
        }
        expect(wrong, `${route.key}: roles answered otherwise than expected`).toEqual([]);
      });
    }
  });
}
