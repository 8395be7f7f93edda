import type { FastifyInstance } from 'fastify';
import { resolveSignIn } from '../auth/session-cookie.ts';
import type { Deps } from '../deps.ts';
import { HttpError } from '../http/errors.ts';
import { liveEventsChecker } from '../services/analysis.service.ts';

/** Who opened a live stream, kept so the stream can be re-authorised whenever grants change. */
export interface StreamOwner {
  userId: string;
  /** auth_sessions.id_hash of the sign-in (never the secret itself). */
  signInHash: string;
  /** The client's address as the app sees it (after TRUST_PROXY). */
  address: string;
  sessionId: string;
  /** When the sign-in expires, in ms since the epoch on deps.now()'s clock. */
  expiresAt: number;
}

/** Why a stream ended: its lifetime, its sign-in's expiry, lost access (or sign-out), or a shutdown. */
export type EndReason = 'lifetime' | 'expired' | 'revoked' | 'shutdown';

export interface StreamLimits {
  perUser: number;
  perAddress: number;
  lifetimeMs: number;
}

/** What a refused stream is told to wait (Retry-After): time for a tab to close or a stream to end. */
export const STREAM_RETRY_AFTER_SECONDS = 30;
/** Under a burst of grant changes, open streams are re-checked at most this often (the first at once). */
const RECHECK_SPACING_MS = 1000;
/** How often other processes' writes are looked for where nothing pushes them (SQLite's data_version). */
const REMOTE_POLL_MS = 1000;
/** Sign-ins re-loaded in parallel during a re-check. */
const RECHECK_CONCURRENCY = 8;

interface OpenStream extends StreamOwner {
  end: (reason: EndReason) => void;
  /** performance.now() at which the stream's lifetime is over. */
  lifetimeEndsAt: number;
  timer?: NodeJS.Timeout;
}

/**
 * The open live streams of one app (one server process): caps them per user and per address,
 * ends each after its lifetime or when its sign-in expires, and re-authorises every one of them
 * whenever a grant changes, in this process (the grants watcher) or another (PostgreSQL's NOTIFY,
 * SQLite's data_version polled every second), closing those whose owner may no longer follow the
 * session: a withdrawn participation, a removed role, a sign-out, an expired sign-in.
 */
export class LiveStreams {
  private readonly open = new Set<OpenStream>();
  private readonly byUser = new Map<string, number>();
  private readonly byAddress = new Map<string, number>();
  private stopWatching: (() => void) | null = null;
  private seenGeneration = 0;
  private checking = false;
  private checkAgain = false;
  private lastCheckAt = -Infinity;
  private checkTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: Deps,
    private readonly limits: StreamLimits,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  get size() {
    return this.open.size;
  }

  /**
   * Registers a stream, or throws 429 when its user or address holds too many. `generation` is
   * the grants generation read before the owner's sign-in was loaded: a change since then (which
   * a re-check already under way may not include) gets the stream re-checked. Returns its release.
   */
  add(owner: StreamOwner, end: (reason: EndReason) => void, generation: number): () => void {
    if ((this.byUser.get(owner.userId) ?? 0) >= this.limits.perUser)
      throw tooMany(`You have ${this.limits.perUser} live streams open already: close a tab.`);
    if ((this.byAddress.get(owner.address) ?? 0) >= this.limits.perAddress)
      throw tooMany(`Your address has ${this.limits.perAddress} live streams open already.`);
    // Jittered, so streams opened together (after a restart) do not all reconnect together.
    const lifetime = this.limits.lifetimeMs * (0.9 + 0.1 * Math.random());
    const stream: OpenStream = { ...owner, end, lifetimeEndsAt: performance.now() + lifetime };
    this.open.add(stream);
    bump(this.byUser, owner.userId, 1);
    bump(this.byAddress, owner.address, 1);
    this.arm(stream);
    if (!this.stopWatching) this.watch();
    if (this.deps.db.grants.generation !== generation) this.requestCheck();
    return () => this.release(stream);
  }

  /** Ends the streams of a sign-in at once (sign-out in this process). */
  endSignIn(signInHash: string) {
    for (const stream of [...this.open])
      if (stream.signInHash === signInHash) stream.end('revoked');
  }

  endAll() {
    for (const stream of [...this.open]) stream.end('shutdown');
  }

  private release(stream: OpenStream) {
    if (!this.open.delete(stream)) return;
    clearTimeout(stream.timer);
    bump(this.byUser, stream.userId, -1);
    bump(this.byAddress, stream.address, -1);
    if (this.open.size === 0) {
      this.stopWatching?.();
      this.stopWatching = null;
    }
  }

  /** One timer per stream: the end of its lifetime or its sign-in's expiry, whichever is first. */
  private arm(stream: OpenStream) {
    clearTimeout(stream.timer);
    const untilExpiry = stream.expiresAt - this.deps.now().getTime();
    const untilLifetime = stream.lifetimeEndsAt - performance.now();
    const reason: EndReason = untilExpiry < untilLifetime ? 'expired' : 'lifetime';
    stream.timer = setTimeout(
      () => stream.end(reason),
      Math.max(0, Math.min(untilExpiry, untilLifetime)),
    );
    stream.timer.unref();
  }

  private watch() {
    const grants = this.deps.db.grants;
    this.seenGeneration = grants.generation;
    // On PostgreSQL this process's own writes come back through NOTIFY once committed: checking at
    // the write itself could read the state from before a transaction's commit.
    const unsubscribe = grants.onChange((remote) => {
      if (remote || !grants.seesOtherProcesses || this.deps.db.dialect !== 'postgres')
        this.requestCheck();
    });
    const poll = setInterval(() => {
      if (grants.generation !== this.seenGeneration) this.requestCheck();
    }, REMOTE_POLL_MS);
    poll.unref();
    this.stopWatching = () => {
      unsubscribe();
      clearInterval(poll);
      if (this.checkTimer) clearTimeout(this.checkTimer);
      this.checkTimer = null;
    };
  }

  /** Runs a re-check now, or once the current one is over, at most one per RECHECK_SPACING_MS. */
  private requestCheck() {
    if (this.open.size === 0) return;
    if (this.checking) {
      this.checkAgain = true;
      return;
    }
    if (this.checkTimer) return;
    const wait = this.lastCheckAt + RECHECK_SPACING_MS - performance.now();
    if (wait <= 0) return this.runCheck();
    this.checkTimer = setTimeout(() => this.runCheck(), wait);
    this.checkTimer.unref();
  }

  private runCheck() {
    this.checkTimer = null;
    this.checking = true;
    this.lastCheckAt = performance.now();
    // Read before loading: a change made while the check runs moves it again and is checked next.
    this.seenGeneration = this.deps.db.grants.generation;
    this.recheck()
      .catch((error: unknown) => {
        this.log('re-checking the access of open live streams failed', error);
        this.checkAgain = true;
      })
      .finally(() => {
        this.checking = false;
        if (!this.checkAgain) return;
        this.checkAgain = false;
        this.requestCheck();
      });
  }

  /** Re-loads each sign-in of an open stream once and runs the stream's authorisation again. */
  private async recheck() {
    const bySignIn = new Map<string, OpenStream[]>();
    for (const stream of this.open) {
      const list = bySignIn.get(stream.signInHash);
      if (list) list.push(stream);
      else bySignIn.set(stream.signInHash, [stream]);
    }
    const mayFollow = liveEventsChecker(this.deps);
    const signIns = [...bySignIn];
    const work = async () => {
      for (let next = signIns.shift(); next; next = signIns.shift()) {
        const [hash, streams] = next;
        const signIn = await resolveSignIn(this.deps, hash);
        for (const stream of streams) {
          if (!this.open.has(stream)) continue;
          if (!signIn || signIn.actor.user?.id !== stream.userId) {
            stream.end('revoked');
            continue;
          }
          if (signIn.expiresAt !== stream.expiresAt) {
            stream.expiresAt = signIn.expiresAt;
            this.arm(stream);
          }
          if (!(await mayFollow(signIn.actor, stream.sessionId)) && this.open.has(stream))
            stream.end('revoked');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(RECHECK_CONCURRENCY, signIns.length) }, work));
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's open live streams (routes/live.routes.ts opens them, sign-out ends them). */
    liveStreams: LiveStreams;
  }
}

/** Gives the app its LiveStreams; they are ended before the server closes, which they would otherwise hold up. */
export function registerLiveStreams(app: FastifyInstance, deps: Deps) {
  const streams = new LiveStreams(deps, deps.config.liveStreams, (message, error) =>
    app.log.warn({ err: error }, message),
  );
  app.decorate('liveStreams', streams);
  app.addHook('preClose', (done) => {
    streams.endAll();
    done();
  });
}

const tooMany = (detail: string) =>
  new HttpError(429, 'Too Many Requests', detail, undefined, {
    'retry-after': String(STREAM_RETRY_AFTER_SECONDS),
  });

function bump(counts: Map<string, number>, key: string, by: number) {
  const count = (counts.get(key) ?? 0) + by;
  if (count > 0) counts.set(key, count);
  else counts.delete(key);
}
