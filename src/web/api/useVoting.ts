import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../../domain/common.ts';
import type { VoteValue } from '../../domain/enums.ts';
import type { Session } from '../../domain/rounds.ts';
import type { MyVote, NextStatement, Statement } from '../../domain/statements.ts';
import { api } from './client.ts';
import { useSessionEvents, type LiveState } from './useSessionEvents.ts';
import { useVoteQueue } from './useVoteQueue.ts';

function newClientVoteId(): string {
  return crypto.randomUUID();
}

/**
 * Everything the voting page knows: the session, its approved statements, the voter's votes
 * (stored and still queued), the statement being shown, and live updates. The next statement
 * comes from the server's routing when it can be reached, else from the local list.
 */
export function useVoting(sessionId: string) {
  const [session, setSession] = useState<Session | null>(null);
  const [statements, setStatements] = useState<Statement[]>([]);
  const [votes, setVotes] = useState<ReadonlyMap<string, VoteValue>>(new Map());
  const [current, setCurrent] = useState<Statement | null>(null);
  const [remaining, setRemaining] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [lastVoted, setLastVoted] = useState<string | null>(null);
  const { queue, state: queueState } = useVoteQueue(sessionId);

  const chooseNext = useCallback(
    async (known: Statement[], voted: ReadonlyMap<string, VoteValue>) => {
      const local = known.find((s) => s.status === 'approved' && !voted.has(s.id)) ?? null;
      try {
        const next = await api.get<NextStatement>(`/sessions/${sessionId}/next`);
        if (!next.done && !voted.has(next.statement.id)) {
          setCurrent(next.statement);
          setRemaining(next.remaining);
          return;
        }
        setCurrent(next.done ? null : local);
      } catch {
        setCurrent(local);
      }
      setRemaining(null);
    },
    [sessionId],
  );

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const s = await api.get<Session>(`/sessions/${sessionId}`);
        const [list, mine] = await Promise.all([
          api.get<Page<Statement>>(`/sessions/${sessionId}/statements?status=approved&limit=200`),
          api.get<{ items: MyVote[] }>(`/sessions/${sessionId}/my-votes`),
        ]);
        if (!live) return;
        const voted = new Map<string, VoteValue>(mine.items.map((v) => [v.statementId, v.value]));
        // Votes still queued from an earlier visit count as cast.
        for (const v of queue.state().pending) voted.set(v.statementId, v.value);
        setSession(s);
        setStatements(list.items);
        setVotes(voted);
        if (s.status === 'open') await chooseNext(list.items, voted);
      } catch (error) {
        if (live) setLoadError(error);
      }
    })();
    return () => {
      live = false;
    };
  }, [sessionId, queue, chooseNext]);

  const vote = (statementId: string, value: VoteValue) => {
    queue.enqueue({ clientVoteId: newClientVoteId(), statementId, value });
    const voted = new Map(votes).set(statementId, value);
    setVotes(voted);
    setLastVoted(statementId);
    if (current?.id === statementId) void chooseNext(statements, voted);
  };

  const liveState: LiveState = useSessionEvents(
    sessionId,
    ['statement', 'session'],
    (type, data) => {
      if (type === 'session') {
        const { status } = data as { status: Session['status'] };
        setSession((s) => (s ? { ...s, status } : s));
        if (status === 'closed') setCurrent(null);
        return;
      }
      const statement = data as Statement;
      setStatements((list) => {
        const others = list.filter((s) => s.id !== statement.id);
        return statement.status === 'approved' ? [...others, statement] : others;
      });
      // Nothing on screen and a new statement arrives: show it.
      if (statement.status === 'approved' && !votes.has(statement.id))
        setCurrent((c) => c ?? statement);
      if (statement.status !== 'approved') setCurrent((c) => (c?.id === statement.id ? null : c));
    },
  );

  return {
    session,
    statements,
    votes,
    current,
    remaining,
    loadError,
    queueState,
    lastVoted,
    liveState,
    vote,
    refresh: () => chooseNext(statements, votes),
  };
}
