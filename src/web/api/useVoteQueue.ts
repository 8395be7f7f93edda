import { useEffect, useMemo, useState } from 'react';
import type { MyVote } from '../../domain/statements.ts';
import { votingPaths } from '../offline/names.ts';
import { offlineData, voteQueueKey } from '../offline/offlineData.ts';
import { ApiError, request } from './client.ts';
import {
  createVoteQueue,
  type QueuedVote,
  type SendResult,
  type VoteQueueState,
} from './voteQueue.ts';

/** A "my votes" answer (JSON) with this vote in place of any earlier one on its statement. */
export function withVote(body: string, vote: QueuedVote): string {
  const mine = JSON.parse(body) as { items: MyVote[] };
  const others = mine.items.filter((v) => v.statementId !== vote.statementId);
  const saved: MyVote = { ...vote, votedAt: new Date().toISOString() };
  return JSON.stringify({ ...mine, items: [...others, saved] });
}

/** One attempt to store a vote: network trouble, a busy server or a rate limit are worth retrying. */
async function sendVote(sessionId: string, vote: QueuedVote): Promise<SendResult> {
  try {
    await request<unknown>('POST', `/sessions/${sessionId}/votes`, vote);
    // The kept copy of "my votes" learns it too, for a reload on a dead network.
    void offlineData
      .amend(votingPaths(sessionId).myVotes, (body) => withVote(body, vote))
      .catch(() => {});
    return 'saved';
  } catch (error) {
    if (
      !(error instanceof ApiError) ||
      error.isNetwork ||
      error.status >= 500 ||
      error.status === 429
    )
      return 'retry';
    return { refused: error.detail ?? error.title };
  }
}

const EMPTY: VoteQueueState = { pending: [], saved: new Set(), refused: [], waiting: false };

/**
 * The session's vote queue for the signed-in account (null until the page knows who that is),
 * persisted in localStorage under that account and flushed whenever the browser comes back
 * online. Another account on the same browser has its own queue and never sees this one.
 */
export function useVoteQueue(sessionId: string, userId: string | null | undefined) {
  const key = userId ? voteQueueKey(userId, sessionId) : null;
  // The latest state each queue reported; a queue that has reported nothing yet is read directly.
  const [reported, setReported] = useState<{ key: string; state: VoteQueueState }>();
  const queue = useMemo(
    () =>
      key
        ? createVoteQueue({
            storage: window.localStorage,
            storageKey: key,
            send: (v) => sendVote(sessionId, v),
            onChange: (state) => setReported({ key, state }),
          })
        : null,
    [sessionId, key],
  );
  const state = !queue ? EMPTY : reported?.key === key ? reported.state : queue.state();
  useEffect(() => {
    if (!queue) return;
    void queue.flush();
    const online = () => void queue.flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [queue]);
  return { queue, state };
}
