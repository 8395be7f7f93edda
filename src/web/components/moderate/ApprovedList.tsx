import type { Statement } from '../../../domain/statements.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Approved statements in their order, with live totals (never who voted what). */
export function ApprovedList({ statements }: { statements: Statement[] }) {
  const { t } = useI18n();
  if (statements.length === 0) return <p>{t('moderate.noneApproved')}</p>;
  return (
    <ol className="plain-list">
      {statements.map((s) => (
        <li key={s.id} className="card">
          <p className="statement__kind">{t(`statementKind.${s.kind}`)}</p>
          <p className="statement__text" dir="auto">{s.text}</p>
          <p className="counts">
            <span className="count count--agree">{t('counts.agree', { count: s.counts.agree })}</span>
            <span className="count count--disagree">{t('counts.disagree', { count: s.counts.disagree })}</span>
            <span className="count count--pass">{t('counts.pass', { count: s.counts.pass })}</span>
            <span className="muted">{t('counts.total', { count: s.counts.agree + s.counts.disagree + s.counts.pass })}</span>
          </p>
        </li>
      ))}
    </ol>
  );
}
