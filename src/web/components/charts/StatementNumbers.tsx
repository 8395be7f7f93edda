import type { z } from 'zod';
import type { StatementAnalysis } from '../../../domain/analysis.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Analysis = z.infer<typeof StatementAnalysis>;

/** The figures behind a statement's charts, shown on demand. */
export function StatementNumbers({ statement: s }: { statement: Analysis }) {
  const { t, number, percent } = useI18n();
  if (!s.totals) return <p className="muted">{t('counts.withheld')}</p>;
  return (
    <details className="numbers">
      <summary>{t('analysis.showNumbers')}</summary>
      <table className="table">
        <caption className="visually-hidden">{t('analysis.showNumbers')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('analysis.who')}</th>
            <th scope="col">{t('vote.agree')}</th>
            <th scope="col">{t('vote.disagree')}</th>
            <th scope="col">{t('vote.pass')}</th>
            <th scope="col">{t('analysis.seen')}</th>
            <th scope="col">{t('analysis.intervalHead')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('analysis.everyone')}</th>
            <td>{number(s.totals.agrees)}</td>
            <td>{number(s.totals.disagrees)}</td>
            <td>{number(s.totals.passes)}</td>
            <td>{number(s.totals.seen)}</td>
            <td>—</td>
          </tr>
          {s.delegations.map((d) => (
            <tr key={d.delegationId}>
              <th scope="row">
                <bdi>{d.name}</bdi>
              </th>
              <td>{number(d.agrees)}</td>
              <td>{number(d.disagrees)}</td>
              <td>{number(d.passes)}</td>
              <td>{number(d.seen)}</td>
              <td>
                {percent(d.wilson90[0])} – {percent(d.wilson90[1])}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.bridging !== null && (
        <p>
          {t('analysis.bridgingScore', { score: number(s.bridging, { maximumFractionDigits: 2 }) })}
        </p>
      )}
    </details>
  );
}
