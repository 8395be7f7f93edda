import type { Deps } from '../deps.ts';
import { HttpError } from '../http/errors.ts';

/**
 * Per-user flood limits for the room, keyed by user id rather than address: a whole conference
 * shares one Wi-Fi address. Fixed one-minute windows, kept in memory per process (with several
 * processes each enforces its own window, which only loosens the limit by that factor).
 */
export const FLOOD_LIMITS = {
  statement: {
    perMinute: 10,
    message:
      'You are submitting statements faster than 10 a minute. Wait a moment, then send it again.',
  },
  vote: {
    perMinute: 120,
    message: 'You are voting faster than 120 times a minute. Wait a moment, then vote again.',
  },
} as const;
export type FloodKind = keyof typeof FLOOD_LIMITS;

const WINDOW_MS = 60_000;

class FloodGuard {
  private windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  check(kind: FloodKind, userId: string, now: number) {
    this.sweep(now);
    const key = `${kind}:${userId}`;
    let w = this.windows.get(key);
    if (!w || now - w.start >= WINDOW_MS) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= FLOOD_LIMITS[kind].perMinute) {
      const retryAfter = Math.max(1, Math.ceil((w.start + WINDOW_MS - now) / 1000));
      throw new HttpError(429, 'Too Many Requests', FLOOD_LIMITS[kind].message, undefined, {
        'retry-after': String(retryAfter),
      });
    }
    w.count++;
  }

  /** Drops finished windows now and then so the map does not grow with every user ever seen. */
  private sweep(now: number) {
    if (now - this.lastSweep < WINDOW_MS) return;
    this.lastSweep = now;
    for (const [key, w] of this.windows) if (now - w.start >= WINDOW_MS) this.windows.delete(key);
  }
}

// One guard per app (per Deps), so test apps in one process never share counters.
const guards = new WeakMap<Deps, FloodGuard>();

/** Counts one submission of `kind` by the user; throws 429 problem+json over the limit. */
export function checkFlood(deps: Deps, kind: FloodKind, userId: string) {
  let guard = guards.get(deps);
  if (!guard) guards.set(deps, (guard = new FloodGuard()));
  guard.check(kind, userId, deps.now().getTime());
}
