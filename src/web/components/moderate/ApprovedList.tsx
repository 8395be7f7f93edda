import { useState } from 'react';
import type { Statement } from '../../../domain/statements.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Problem } from '../Problem.tsx';

/**
 * Approved statements in their order, with live totals (never who voted what). While the session
 * is not closed, each can move up or down; the whole new order is sent so none is lost.
 */
export function ApprovedList({
  sessionId,
  statements,
  canReorder,
  onReordered,
}: {
  sessionId: string;
  statements: Statement[];
  canReorder: boolean;
  onReordered(): void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [saved, setSaved] = useState(false);
  if (statements.length === 0) return <p>{t('moderate.noneApproved')}</p>;

  const move = async (index: number, by: -1 | 1) => {
    const ids = statements.map((s) => s.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    setSaved(false);
    if (
      await submit.run(() =>
        api.put(`/sessions/${sessionId}/statement-order`, { statementIds: ids }),
      )
    ) {
      setSaved(true);
      onReordered();
    }
  };

  return (
    <>
      <ol className="plain-list">
        {statements.map((s, index) => {
          const number = index + 1;
          return (
            <li key={s.id} className="card">
              <p className="statement__kind">
                {t('moderate.statementNumber', { number })} · {t(`statementKind.${s.kind}`)}
              </p>
              <p className="statement__text" dir="auto">
                {s.text}
              </p>
              {s.counts ? (
                <p className="counts">
                  <span className="count count--agree">
                    {t('counts.agree', { count: s.counts.agree })}
                  </span>
                  <span className="count count--disagree">
                    {t('counts.disagree', { count: s.counts.disagree })}
                  </span>
                  <span className="count count--pass">
                    {t('counts.pass', { count: s.counts.pass })}
                  </span>
                  <span className="muted">
                    {t('counts.total', {
                      count: s.counts.agree + s.counts.disagree + s.counts.pass,
                    })}
                  </span>
                </p>
              ) : (
                <p className="muted">{t('counts.withheld')}</p>
              )}
              {canReorder && statements.length > 1 && (
                <div className="actions">
                  <button
                    type="button"
                    disabled={submit.busy || index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('moderate.moveUpLabel', { number })}
                  >
                    {t('moderate.moveUp')}
                  </button>
                  <button
                    type="button"
                    disabled={submit.busy || index === statements.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('moderate.moveDownLabel', { number })}
                  >
                    {t('moderate.moveDown')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
      <p role="status" className="save-status save-status--saved">
        {saved ? t('moderate.orderSaved') : ''}
      </p>
      <Problem error={submit.error} />
    </>
  );
}
