import type { VoteCounts } from '../../../domain/statements.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Agree, disagree and pass totals as one stacked bar with big numbers: readable from the back of a room. */
export function CountsBar({ counts }: { counts: VoteCounts }) {
  const { t } = useI18n();
  const total = counts.agree + counts.disagree + counts.pass;
  const share = (n: number) => `${total ? (100 * n) / total : 0}%`;
  return (
    <div className="counts-bar">
      <div className="counts-bar__track" aria-hidden="true">
        <span className="counts-bar__agree" style={{ inlineSize: share(counts.agree) }} />
        <span className="counts-bar__disagree" style={{ inlineSize: share(counts.disagree) }} />
        <span className="counts-bar__pass" style={{ inlineSize: share(counts.pass) }} />
      </div>
      <p className="counts-bar__numbers">
        <span className="count count--agree">{t('counts.agree', { count: counts.agree })}</span>
        <span className="count count--disagree">
          {t('counts.disagree', { count: counts.disagree })}
        </span>
        <span className="count count--pass">{t('counts.pass', { count: counts.pass })}</span>
      </p>
    </div>
  );
}
