import { useEffect, useState } from 'react';
import type { AnalysisSummary, LiveVoteCounts, SessionAnalysis } from '../../../domain/analysis.ts';
import type { Page } from '../../../domain/common.ts';
import type { Session } from '../../../domain/rounds.ts';
import type { Statement } from '../../../domain/statements.ts';
import type { z } from 'zod';
import { api } from '../../api/client.ts';
import { useSessionEvents } from '../../api/useSessionEvents.ts';
import { applyCounts } from './applyCounts.ts';

/** The room's state: loaded once, then kept current by the session's live events. */
export function useRoom(sessionId: string) {
  const [session, setSession] = useState<Session | null>(null);
  const [statements, setStatements] = useState<Statement[]>([]);
  const [summary, setSummary] = useState<AnalysisSummary | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    Promise.all([
      api.get<Session>(`/sessions/${sessionId}`),
      api.get<Page<Statement>>(`/sessions/${sessionId}/statements?status=approved&limit=200`),
      api.get<z.infer<typeof SessionAnalysis>>(`/sessions/${sessionId}/analysis`),
    ]).then(
      ([s, list, analysis]) => {
        if (!live) return;
        setSession(s);
        setStatements(list.items.filter((x) => x.status === 'approved'));
        setSummary(analysis.analysis);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [sessionId]);

  const liveState = useSessionEvents(
    sessionId,
    ['vote-counts', 'analysis', 'statement', 'session'],
    (type, data) => {
      if (type === 'vote-counts')
        setStatements((list) => applyCounts(list, data as LiveVoteCounts));
      else if (type === 'analysis') setSummary(data as AnalysisSummary);
      else if (type === 'session')
        setSession((s) =>
          s ? { ...s, status: (data as { status: Session['status'] }).status } : s,
        );
      else if (type === 'statement') {
        const statement = data as Statement;
        setStatements((list) => {
          const others = list.filter((s) => s.id !== statement.id);
          return statement.status === 'approved' ? [...others, statement] : others;
        });
      }
    },
  );
  return { session, statements, summary, error, liveState };
}
