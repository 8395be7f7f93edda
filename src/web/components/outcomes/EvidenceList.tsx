import type { EvidenceView } from '../../api/outcomes.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Cited statements with the figures frozen when they were linked: a small agree bar per delegation. */
export function EvidenceList({
  evidence,
  onUnlink,
}: {
  evidence: EvidenceView[];
  onUnlink?: (statementId: string) => void;
}) {
  const { t, percent } = useI18n();
  if (evidence.length === 0) return <p className="muted">{t('outcomes.evidence.none')}</p>;
  return (
    <ul className="evidence">
      {evidence.map((e) => (
        <li key={e.statementId} className="evidence__item">
          <p>
            <bdi>{e.text}</bdi>{' '}
            {!e.quotable && (
              <span className="badge badge--declined">{t('outcomes.evidence.notQuotable')}</span>
            )}
          </p>
          <p className="muted">
            {e.figures.agree === null || e.figures.disagree === null || e.figures.pass === null
              ? t('outcomes.evidence.tooFew')
              : t('outcomes.evidence.counts', {
                  agree: e.figures.agree,
                  disagree: e.figures.disagree,
                  pass: e.figures.pass,
                })}
          </p>
          <dl className="evidence__bars">
            {e.figures.delegations.map((d) => (
              <div key={d.delegationId} className="evidence__row">
                <dt>
                  <bdi>{d.name}</bdi>
                </dt>
                <dd>
                  {
                    <>
                      <span className="evidence__track" aria-hidden="true">
                        <span style={{ inlineSize: `${Math.round(100 * d.agreeShare)}%` }} />
                      </span>
                      <span>
                        {t('outcomes.evidence.agreeShare', { share: percent(d.agreeShare) })}
                      </span>
                    </>
                  }
                </dd>
              </div>
            ))}
          </dl>
          {onUnlink && (
            <button type="button" className="button--quiet" onClick={() => onUnlink(e.statementId)}>
              {t('outcomes.evidence.unlink')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
