import type { z } from 'zod';
import type { StatementAnalysis } from '../../../domain/analysis.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

type Analysis = z.infer<typeof StatementAnalysis>;

/**
 * How much each delegation agrees with one statement: the bar is the agree share, the thin line
 * its 90% Wilson interval (how sure we can be with so few voters). A release shows delegations
 * only when each has at least k voters on the statement; otherwise the list says so.
 */
export function AgreementBars({ statement }: { statement: Analysis }) {
  const { t, percent } = useI18n();
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  if (statement.delegations.length === 0)
    return <p className="agreement__few">{t('analysis.tooFew')}</p>;
  return (
    <ul className="agreement" aria-label={t('analysis.byDelegation')}>
      {statement.delegations.map((d) => (
        <li key={d.delegationId} className="agreement__row">
          <span className="agreement__label">
            <bdi>{d.name}</bdi>
          </span>
          {
            <>
              <span className="agreement__track" aria-hidden="true">
                <span className="agreement__fill" style={{ inlineSize: pct(d.agreeShare) }} />
                <span
                  className="agreement__interval"
                  style={{
                    insetInlineStart: pct(d.wilson90[0]),
                    inlineSize: pct(d.wilson90[1] - d.wilson90[0]),
                  }}
                />
              </span>
              <span className="agreement__value">
                {t('analysis.agreeShare', { share: percent(d.agreeShare) })}
                <span className="visually-hidden">
                  {' '}
                  {t('analysis.interval', {
                    low: percent(d.wilson90[0]),
                    high: percent(d.wilson90[1]),
                  })}
                </span>
              </span>
            </>
          }
        </li>
      ))}
    </ul>
  );
}
