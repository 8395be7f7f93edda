import type { Role, World } from '../world.ts';

/** An exact status, or a class when the exact code does not matter. */
export type Expected = number | '2xx' | '4xx';

export interface RouteExpectation {
  /**
   * Path parameters by name. Called once per (route, role), so a destructive route can build a
   * fresh target each time (`async (w) => ({ id: (await buildDelegation(w.db, w.series.id)).id })`).
   */
  params?: (w: World, role: Role) => Record<string, string> | Promise<Record<string, string>>;
  query?: (w: World, role: Role) => Record<string, string> | Promise<Record<string, string>>;
  body?: (w: World, role: Role) => unknown;
  /** Send the request from a throwaway session of the role's account (e.g. logout). */
  freshSession?: boolean;
  /** What each role gets. Write it with `roles(...)`. */
  expect: Record<Role, Expected>;
}

/** Keyed by `METHOD /api/v1/path/{param}` exactly as the OpenAPI document lists the route. */
export type Expectations = Record<string, RouteExpectation>;

const ALL_ROLES: Role[] = [
  'admin',
  'organiser',
  'focal',
  'rapporteur',
  'moderator',
  'participant',
  'sponsor',
  'public',
];

/** Every role gets `otherwise`, except those named: `roles(403, { admin: 200, organiser: 200, public: 401 })`. */
export function roles(
  otherwise: Expected,
  except: Partial<Record<Role, Expected>> = {},
): Record<Role, Expected> {
  return Object.fromEntries(ALL_ROLES.map((r) => [r, except[r] ?? otherwise])) as Record<
    Role,
    Expected
  >;
}

/** Common shapes. */
export const everyone = (status: Expected) => roles(status);
export const organisersOnly = (ok: Expected) =>
  roles(403, { admin: ok, organiser: ok, public: 401 });
export const adminOnly = (ok: Expected) => roles(403, { admin: ok, public: 401 });

/** Path parameter shortcuts into the seeded world. */
export const seriesParams = (w: World) => ({ id: w.series.id });
export const roundParams = (w: World) => ({ id: w.round.id });
export const sessionParams = (w: World) => ({ id: w.session.id });

export function matches(expected: Expected, status: number): boolean {
  if (expected === '2xx') return status >= 200 && status < 300;
  if (expected === '4xx') return status >= 400 && status < 500;
  return status === expected;
}
