import type { AnalysisSummary } from '../../../domain/analysis.ts';
import type { Statement } from '../../../domain/statements.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { OpinionMap } from '../charts/OpinionMap.tsx';
import { AnalysisLists } from './AnalysisLists.tsx';

/** Statement numbers shared by the map and the lists: the order of approval, from 1. */
export function numberStatements(statements: Statement[]): Map<string, number> {
  return new Map(
    [...statements]
      .sort((a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt))
      .map((s, i) => [s.id, i + 1]),
  );
}

/** One session's analysis: the map first, then the lists with bars, numbers on demand. */
export function SessionAnalysisView({
  summary,
  statements,
}: {
  summary: AnalysisSummary | null;
  statements: Statement[];
}) {
  const { t, dateTime } = useI18n();
  if (!summary) return <p className="notice">{t('analysis.notYet')}</p>;
  const numbers = numberStatements(statements);
  const texts = new Map(statements.map((s) => [s.id, s]));
  return (
    <div className="session-analysis">
      <p className="muted">
        {t('analysis.basis', {
          participants: summary.counts.voters,
          statements: summary.counts.statements,
          votes: summary.counts.votes,
        })}
        {' · '}
        {summary.final
          ? t('analysis.final', { time: dateTime(summary.releasedAt) })
          : t('analysis.computedAt', {
              release: summary.release,
              time: dateTime(summary.releasedAt),
            })}
      </p>
      {summary.heldBack > 0 && (
        <p className="muted">{t('analysis.heldBack', { count: summary.heldBack, k: summary.k })}</p>
      )}
      <div className="analysis-grid">
        <OpinionMap summary={summary} numbers={numbers} />
        <div>
          <h3>{t('analysis.statementKey')}</h3>
          <ol className="statement-key">
            {[...numbers].map(([id, n]) => (
              <li key={id} value={n}>
                <bdi>{texts.get(id)?.text}</bdi>
              </li>
            ))}
          </ol>
        </div>
      </div>
      <AnalysisLists summary={summary} texts={texts} numbers={numbers} />
      <p className="muted">{t('analysis.withheld', { k: summary.k })}</p>
    </div>
  );
}
