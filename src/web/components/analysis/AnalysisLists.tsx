import { useId } from 'react';
import type { AnalysisSummary } from '../../../domain/analysis.ts';
import type { Statement } from '../../../domain/statements.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { AgreementBars } from '../charts/AgreementBars.tsx';
import { StatementNumbers } from '../charts/StatementNumbers.tsx';

type ListKey = 'convergence' | 'pathways' | 'divergence' | 'uncertain';

/** Which statements go in which list, in the order the engine ranks them. */
export function listsOf(summary: AnalysisSummary): Record<ListKey, string[]> {
  const by = (kinds: string[]) =>
    summary.statements
      .filter((s) => s.classification && kinds.includes(s.classification))
      .map((s) => s.statementId);
  return {
    convergence: by(['convergence', 'shared-rejection']),
    pathways: summary.pathways,
    divergence: by(['divergence', 'contested-within']),
    uncertain: summary.uncertain,
  };
}

const LISTS: ListKey[] = ['convergence', 'pathways', 'divergence', 'uncertain'];

/** The four lists: where the sides agree, what every side can live with, where they part, what is unclear. */
export function AnalysisLists({
  summary,
  texts,
  numbers,
}: {
  summary: AnalysisSummary;
  texts: ReadonlyMap<string, Statement>;
  numbers: ReadonlyMap<string, number>;
}) {
  const { t } = useI18n();
  const uid = useId();
  const lists = listsOf(summary);
  const analysisOf = new Map(summary.statements.map((s) => [s.statementId, s]));
  return (
    <div className="analysis-lists">
      {LISTS.map((key) => (
        <section
          key={key}
          aria-labelledby={`${uid}-${key}`}
          className={`analysis-list analysis-list--${key}`}
        >
          <h3 id={`${uid}-${key}`}>{t(`analysis.list.${key}`)}</h3>
          <p className="muted">{t(`analysis.list.${key}.explain`)}</p>
          {lists[key].length === 0 && <p>{t('analysis.list.empty')}</p>}
          <ol className="plain-list">
            {lists[key].map((id) => {
              const a = analysisOf.get(id);
              const text = texts.get(id);
              if (!a) return null;
              return (
                <li key={id} className="card">
                  <p className="statement__text" dir="auto">
                    <span className="statement-number">{numbers.get(id)}</span> {text?.text ?? ''}
                  </p>
                  <AgreementBars statement={a} />
                  <StatementNumbers statement={a} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}
