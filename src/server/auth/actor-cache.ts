import type { Actor } from './actor.ts';

/** How long another server process may go on using a grant revoked elsewhere, when its writes cannot be seen. */
export const ACTOR_TTL_MS = 1000;
/** How long an entry lives when every write by another process is seen (SQLite's data_version, PostgreSQL's NOTIFY). */
export const ACTOR_TTL_WATCHED_MS = 5 * 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  actor: Actor;
  generation: number;
  /** The earlier of the TTL and the session's own expiry. */
  validUntil: number;
}

/**
 * Actors by session secret, so a burst of votes does not reload the same grants three
 * queries at a time. An entry is dropped when any grant table is written in this process (the
 * generation moves: a new role, a revoked one, a logout), and after ACTOR_TTL_MS at the latest,
 * which bounds how stale a change made by another process can be. When the database reports
 * other processes' writes too (db/grants-watcher.ts), entries live ACTOR_TTL_WATCHED_MS: with a
 * thousand voters each voting every few seconds, a 1 s entry would mostly miss.
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private generation = -1;

  get(key: string, generation: number, now: number): Actor | undefined {
    if (generation !== this.generation) {
      this.entries.clear();
      this.generation = generation;
      return undefined;
    }
    const entry = this.entries.get(key);
    if (!entry || entry.generation !== generation || entry.validUntil <= now) return undefined;
    return entry.actor;
  }

  set(
    key: string,
    actor: Actor,
    generation: number,
    now: number,
    sessionExpiresAt: number,
    ttlMs = ACTOR_TTL_MS,
  ) {
    if (generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, {
      actor,
      generation,
      validUntil: Math.min(now + ttlMs, sessionExpiresAt),
    });
  }
}
