import type { VoteValue } from '../../domain/enums.ts';

/** A vote as the client made it: its id is made once, so a retry can never count twice. */
export interface QueuedVote {
  clientVoteId: string;
  statementId: string;
  value: VoteValue;
}

export type SendResult = 'saved' | 'retry' | { refused: string };

export interface VoteQueueState {
  /** Votes not yet acknowledged by the server, oldest first. */
  pending: QueuedVote[];
  /** Statements whose latest vote the server has acknowledged. */
  saved: ReadonlySet<string>;
  /** Votes the server refused for good (session closed, statement withdrawn), with its reason. */
  refused: Array<{ vote: QueuedVote; reason: string }>;
  /** True while the last attempt failed for a reason worth retrying (offline, server busy). */
  waiting: boolean;
}

export interface VoteQueueOptions {
  /** Where pending votes survive a reload or a closed tab (localStorage in the browser). */
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  storageKey: string;
  /** Sends one vote; 'retry' for a network failure, a 5xx or a 429. */
  send(vote: QueuedVote): Promise<SendResult>;
  onChange(state: VoteQueueState): void;
  /** Injected timers so tests control the back-off. */
  schedule?: (run: () => void, ms: number) => unknown;
}

const MAX_BACKOFF_MS = 30_000;

/**
 * Votes cast on a flaky connection: kept in storage until the server acknowledges them, sent
 * one at a time in order, retried with back-off. A newer vote on the same statement replaces an
 * unsent older one (only the voter's latest opinion matters); one already sent is superseded
 * on the server by the newer vote's own id.
 */
export function createVoteQueue(options: VoteQueueOptions) {
  const schedule = options.schedule ?? ((run, ms) => setTimeout(run, ms));
  let pending: QueuedVote[] = load();
  const saved = new Set<string>();
  const refused: VoteQueueState['refused'] = [];
  let waiting = false;
  let sending = false;
  let backoff = 1000;
  let timer = false;

  function load(): QueuedVote[] {
    try {
      const parsed: unknown = JSON.parse(options.storage.getItem(options.storageKey) ?? '[]');
      return Array.isArray(parsed) ? (parsed as QueuedVote[]) : [];
    } catch {
      return [];
    }
  }
  function persist() {
    try {
      options.storage.setItem(options.storageKey, JSON.stringify(pending));
    } catch {
      // storage full or disabled: the votes stay in memory for this page
    }
  }
  function changed() {
    options.onChange({
      pending: [...pending],
      saved: new Set(saved),
      refused: [...refused],
      waiting,
    });
  }

  async function flush(): Promise<void> {
    if (sending) return;
    sending = true;
    try {
      while (pending.length > 0) {
        const vote = pending[0];
        const result = await options.send(vote);
        if (result === 'retry') {
          waiting = true;
          changed();
          if (!timer) {
            timer = true;
            schedule(() => {
              timer = false;
              void flush();
            }, backoff);
          }
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          return;
        }
        pending = pending.filter((v) => v.clientVoteId !== vote.clientVoteId);
        persist();
        if (result === 'saved') {
          // Saved only if no newer vote on this statement is still waiting.
          if (!pending.some((v) => v.statementId === vote.statementId)) saved.add(vote.statementId);
        } else {
          refused.push({ vote, reason: result.refused });
        }
        waiting = false;
        backoff = 1000;
        changed();
      }
    } finally {
      sending = false;
    }
  }

  return {
    enqueue(vote: QueuedVote) {
      // Replace an unsent vote on the same statement, unless it is the one in flight.
      const inFlight = sending ? pending[0] : undefined;
      pending = pending.filter((v) => v.statementId !== vote.statementId || v === inFlight);
      pending.push(vote);
      saved.delete(vote.statementId);
      persist();
      changed();
      void flush();
    },
    /** Try again now (the browser came back online, or the page was opened again). */
    flush,
    state: (): VoteQueueState => ({
      pending: [...pending],
      saved: new Set(saved),
      refused: [...refused],
      waiting,
    }),
  };
}
export type VoteQueue = ReturnType<typeof createVoteQueue>;
