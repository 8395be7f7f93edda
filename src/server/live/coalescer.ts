/**
 * Per-key throttled, single-flight runs, for recomputing a session's analysis after votes.
 * A call when the key has not run for `intervalMs` runs at once (a lone vote shows up without
 * delay); later calls are gathered into one run `intervalMs` after the previous run started.
 * Only one run per key at a time; calls during a run cause exactly one more run after it. So a
 * burst of any size costs two runs, and sustained voting one run per interval, never one per vote.
 * With `maxBusyShare`, runs are also spaced by their own cost: after a run of d ms the next starts
 * no sooner than d / maxBusyShare ms after it started (at most `maxSpacingMs`: a slow run, such
 * as the first one that starts the worker, must not hold the room's view back for long), so
 * recomputing a large session while thousands vote takes at most that share of a core.
 */
export interface Coalescer {
  schedule(key: string): void;
  /** Cancels pending timers and waits for runs in progress. */
  close(): Promise<void>;
}

interface KeyState {
  timer: NodeJS.Timeout | null;
  lastStartedAt: number;
  running: Promise<void> | null;
  dirty: boolean;
  /** How long after lastStartedAt the next run may start. */
  spacingMs: number;
}

export function createCoalescer(options: {
  intervalMs: number;
  maxBusyShare?: number;
  maxSpacingMs?: number;
  run: (key: string) => Promise<void>;
}): Coalescer {
  const states = new Map<string, KeyState>();
  let closed = false;

  const start = (key: string, state: KeyState) => {
    state.timer = null;
    state.dirty = false;
    const startedAt = (state.lastStartedAt = Date.now());
    state.running = options
      .run(key)
      .catch(() => undefined)
      .finally(() => {
        state.running = null;
        const tookMs = Date.now() - startedAt;
        const byCost = options.maxBusyShare ? tookMs / options.maxBusyShare : 0;
        state.spacingMs = Math.max(
          options.intervalMs,
          Math.min(byCost, options.maxSpacingMs ?? Infinity),
        );
        if (state.dirty) return schedule(key);
        // Forget an idle key once its interval has passed (a later call then runs at once anyway).
        setTimeout(() => {
          const idle =
            !state.running &&
            !state.timer &&
            !state.dirty &&
            Date.now() - state.lastStartedAt >= state.spacingMs;
          if (idle && states.get(key) === state) states.delete(key);
        }, state.spacingMs).unref();
      });
  };

  const schedule = (key: string) => {
    if (closed) return;
    let state = states.get(key);
    if (!state) {
      state = {
        timer: null,
        lastStartedAt: 0,
        running: null,
        dirty: false,
        spacingMs: options.intervalMs,
      };
      states.set(key, state);
    }
    if (state.running) {
      state.dirty = true;
      return;
    }
    if (state.timer) return;
    const delay = state.lastStartedAt + state.spacingMs - Date.now();
    if (delay <= 0) return start(key, state);
    const s = state;
    s.timer = setTimeout(() => start(key, s), delay);
  };

  return {
    schedule,
    async close() {
      closed = true;
      const running: Promise<void>[] = [];
      for (const state of states.values()) {
        if (state.timer) clearTimeout(state.timer);
        state.timer = null;
        if (state.running) running.push(state.running);
      }
      await Promise.allSettled(running);
      states.clear();
    },
  };
}
