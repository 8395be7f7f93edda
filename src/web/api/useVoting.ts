import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Page } from '../../domain/common.ts';
import type { VoteValue } from '../../domain/enums.ts';
import type { Session } from '../../domain/rounds.ts';
import type { MyVote, NextStatement, Statement } from '../../domain/statements.ts';
import { votingPaths } from '../offline/names.ts';
import { api } from './client.ts';
import { useSessionEvents, type LiveState } from './useSessionEvents.ts';
import { useVoteQueue } from './useVoteQueue.ts';

function newClientVoteId(): string {
  return crypto.randomUUID();
}

interface FirstScreen {
  session: Session;
  statements: Statement[];
  mine: MyVote[];
  next: Promise<NextStatement>;
}

/** The voting page's reads, all started together. */
async function loadFirstScreen(sessionId: string): Promise<FirstScreen> {
  const { session, statements, myVotes, next } = votingPaths(sessionId);
  const asking = api.get<NextStatement>(next);
  asking.catch(() => {}); // a session that is not open has no next statement
  const [s, list, mine] = await Promise.all([
    api.get<Session>(session),
    api.get<Page<Statement>>(statements),
    api.get<{ items: MyVote[] }>(myVotes),
  ]);
  return { session: s, statements: list.items, mine: mine.items, next: asking };
}

/**
 * Everything the voting page knows: the session, its approved statements, the voter's votes
 * (stored and still queued), the statement being shown, and live updates. The next statement
 * comes from the server's routing when it can be reached, else from the local list. `userId`
 * is the signed-in account (undefined until known): its queue of unsent votes is its own.
 */
export function useVoting(sessionId: string, userId: string | null | undefined) {
  const [session, setSession] = useState<Session | null>(null);
  const [statements, setStatements] = useState<Statement[]>([]);
  const [votes, setVotes] = useState<ReadonlyMap<string, VoteValue>>(new Map());
  const [current, setCurrent] = useState<Statement | null>(null);
  const [remaining, setRemaining] = useState<number | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [lastVoted, setLastVoted] = useState<string | null>(null);
  const { queue, state: queueState } = useVoteQueue(sessionId, userId);

  const chooseNext = useCallback(
    async (
      known: Statement[],
      voted: ReadonlyMap<string, VoteValue>,
      asking: Promise<NextStatement> = api.get<NextStatement>(votingPaths(sessionId).next),
    ) => {
      const local = known.find((s) => s.status === 'approved' && !voted.has(s.id)) ?? null;
      try {
        const next = await asking;
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

  // Everything the first screen needs, asked for at once (one round trip on a slow network),
  // as soon as the page has a session id, without waiting to know who is signed in.
  const firstScreen = useMemo(() => loadFirstScreen(sessionId), [sessionId]);

  // Then, once the voter's queue is known too: their votes, stored and still queued. A failure
  // shows at once, whoever is signed in (nobody, on a dead network after signing out).
  useEffect(() => {
    let live = true;
    firstScreen.then(
      (loaded) => {
        if (!live || !queue) return;
        const voted = new Map<string, VoteValue>(loaded.mine.map((v) => [v.statementId, v.value]));
        for (const v of queue.state().pending) voted.set(v.statementId, v.value);
        setSession(loaded.session);
        setStatements(loaded.statements);
        setVotes(voted);
        if (loaded.session.status === 'open')
          void chooseNext(loaded.statements, voted, loaded.next);
      },
      (error: unknown) => live && setLoadError(error),
    );
    return () => {
      live = false;
    };
  }, [firstScreen, queue, chooseNext]);

  const vote = (statementId: string, value: VoteValue) => {
    if (!queue) return;
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
