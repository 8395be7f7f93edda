import { useEffect, useMemo, useState } from 'react';
import { ApiError, request } from './client.ts';
import {
  createVoteQueue,
  type QueuedVote,
  type SendResult,
  type VoteQueueState,
} from './voteQueue.ts';

/** One attempt to store a vote: network trouble, a busy server or a rate limit are worth retrying. */
async function sendVote(sessionId: string, vote: QueuedVote): Promise<SendResult> {
  try {
    await request<unknown>('POST', `/sessions/${sessionId}/votes`, vote);
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

/** The session's vote queue, persisted in localStorage and flushed whenever the browser comes back online. */
export function useVoteQueue(sessionId: string) {
  // The latest state each queue reported; a queue that has reported nothing yet is read directly.
  const [reported, setReported] = useState<{ sessionId: string; state: VoteQueueState }>();
  const queue = useMemo(
    () =>
      createVoteQueue({
        storage: window.localStorage,
        storageKey: `parley.votes.${sessionId}`,
        send: (v) => sendVote(sessionId, v),
        onChange: (state) => setReported({ sessionId, state }),
      }),
    [sessionId],
  );
  const state = reported?.sessionId === sessionId ? reported.state : queue.state();
  useEffect(() => {
    void queue.flush();
    const online = () => void queue.flush();
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [queue]);
  return { queue, state };
}
