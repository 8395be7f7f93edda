import { describe, expect, it } from 'vitest';
import {
  createVoteQueue,
  type QueuedVote,
  type SendResult,
  type VoteQueueState,
} from './voteQueue.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

/** A queue over a scripted server; timers run only when the test says so. */
function setup(answers: Array<SendResult>) {
  const storage = memoryStorage();
  const sent: QueuedVote[] = [];
  const timers: Array<() => void> = [];
  const states: VoteQueueState[] = [];
  const make = () =>
    createVoteQueue({
      storage,
      storageKey: 'votes',
      send: async (vote) => {
        sent.push(vote);
        return answers.shift() ?? 'saved';
      },
      onChange: (s) => states.push(s),
      schedule: (run) => timers.push(run),
    });
  return { storage, sent, timers, states, make };
}
const vote = (id: string, statementId = 's1', value: -1 | 0 | 1 = 1): QueuedVote => ({
  clientVoteId: id,
  statementId,
  value,
});
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('vote queue', () => {
  it('sends a vote and marks its statement saved', async () => {
    const { make, sent } = setup(['saved']);
    const q = make();
    q.enqueue(vote('a'));
    await settle();
    expect(sent.map((v) => v.clientVoteId)).toEqual(['a']);
    expect(q.state().saved.has('s1')).toBe(true);
    expect(q.state().pending).toEqual([]);
  });

  it('keeps a vote through a failed connection and retries it with the same id', async () => {
    const { make, sent, timers } = setup(['retry', 'retry', 'saved']);
    const q = make();
    q.enqueue(vote('a'));
    await settle();
    expect(q.state().waiting).toBe(true);
    expect(q.state().pending).toHaveLength(1);
    timers.shift()!();
    await settle();
    timers.shift()!();
    await settle();
    expect(sent.map((v) => v.clientVoteId)).toEqual(['a', 'a', 'a']);
    expect(q.state().saved.has('s1')).toBe(true);
    expect(q.state().waiting).toBe(false);
  });

  it('survives a reload: pending votes are read back from storage and sent', async () => {
    const first = setup(['retry']);
    first.make().enqueue(vote('a', 's1', -1));
    await settle();
    const answers: SendResult[] = ['saved'];
    const sent: QueuedVote[] = [];
    const reloaded = createVoteQueue({
      storage: first.storage,
      storageKey: 'votes',
      onChange: () => {},
      schedule: () => {},
      send: async (v) => (sent.push(v), answers.shift()!),
    });
    expect(reloaded.state().pending.map((v) => v.clientVoteId)).toEqual(['a']);
    await reloaded.flush();
    expect(sent).toEqual([vote('a', 's1', -1)]);
    expect(JSON.parse(first.storage.data.get('votes')!)).toEqual([]);
  });

  it('replaces an unsent vote on the same statement with the newer one', async () => {
    const { make, sent, timers } = setup(['retry', 'saved', 'saved']);
    const q = make();
    q.enqueue(vote('a', 's1', 1));
    await settle();
    q.enqueue(vote('b', 's1', -1));
    q.enqueue(vote('c', 's2', 0));
    expect(q.state().pending.map((v) => v.clientVoteId)).toEqual(['b', 'c']);
    timers.shift()!();
    await settle();
    expect(sent.map((v) => v.clientVoteId)).toEqual(['a', 'b', 'c']);
    expect([...q.state().saved].sort()).toEqual(['s1', 's2']);
  });

  it('reports a vote the server refuses for good and moves on', async () => {
    const { make } = setup([{ refused: 'The session is closed.' }, 'saved']);
    const q = make();
    q.enqueue(vote('a', 's1'));
    q.enqueue(vote('b', 's2'));
    await settle();
    await settle();
    expect(q.state().refused).toEqual([
      { vote: vote('a', 's1'), reason: 'The session is closed.' },
    ]);
    expect(q.state().saved.has('s2')).toBe(true);
    expect(q.state().saved.has('s1')).toBe(false);
  });
});
