import type { Session } from '../../../domain/rounds.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Problem } from '../Problem.tsx';

/** Opens a scheduled session or closes an open one (closing freezes statements and votes). */
export function SessionControls({ session, onChanged }: { session: Session; onChanged(): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const act = async (what: 'open' | 'close') => {
    if (what === 'close' && !window.confirm(t('moderate.confirmClose'))) return;
    if (await submit.run(() => api.post(`/sessions/${session.id}/${what}`))) onChanged();
  };
  return (
    <div className="session-controls">
      <p>
        {t('moderate.status')}{' '}
        <strong className={`status status--${session.status}`}>
          {t(`sessionStatus.${session.status}`)}
        </strong>
      </p>
      <div className="actions">
        {session.status === 'scheduled' && (
          <button
            type="button"
            className="button--primary"
            disabled={submit.busy}
            onClick={() => act('open')}
          >
            {t('moderate.open')}
          </button>
        )}
        {session.status === 'open' && (
          <button
            type="button"
            className="button--danger"
            disabled={submit.busy}
            onClick={() => act('close')}
          >
            {t('moderate.close')}
          </button>
        )}
      </div>
      <Problem error={submit.error} />
    </div>
  );
}
