import { useState } from 'react';
import type { Page } from '../../../domain/common.ts';
import type { Session } from '../../../domain/rounds.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Problem } from '../Problem.tsx';
import { SessionForm } from './SessionForm.tsx';
import { VenueTime } from '../VenueTime.tsx';

/** The agenda of a round as organisers edit it: each session with its rule, and a form for the next. */
export function SessionsEditor({ roundId, timeZone }: { roundId: string; timeZone: string }) {
  const { t } = useI18n();
  const sessions = useResource(
    () => api.get<Page<Session>>(`/rounds/${roundId}/sessions?limit=200`),
    roundId,
  );
  const [editing, setEditing] = useState<string | null>(null);
  const items = [...(sessions.data?.items ?? [])].sort((a, b) => a.position - b.position);
  const nextPosition = items.reduce((n, s) => Math.max(n, s.position + 1), 1);
  const saved = () => {
    setEditing(null);
    sessions.reload();
  };
  return (
    <section aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('agenda.title')}</h2>
      <Problem error={sessions.error} />
      <ol className="plain-list">
        {items.map((s) => (
          <li key={s.id} className="card">
            <h3>
              <bdi>{s.title}</bdi>
            </h3>
            <p className="muted">
              {t(`sessionKind.${s.kind}`)} · {t(`rule.${s.attributionRule}.name`)} ·{' '}
              {t(`sessionStatus.${s.status}`)}
              {s.startsAt && (
                <>
                  {' '}
                  · <VenueTime at={s.startsAt} zone={s.timeZone} />
                </>
              )}
            </p>
            {editing === s.id ? (
              <SessionForm
                roundId={roundId}
                timeZone={timeZone}
                session={s}
                nextPosition={nextPosition}
                onSaved={saved}
              />
            ) : (
              <button
                type="button"
                onClick={() => setEditing(s.id)}
                aria-label={t('session.editNamed', { title: s.title })}
              >
                {t('common.edit')}
              </button>
            )}
          </li>
        ))}
      </ol>
      <details className="disclosure" open={items.length === 0}>
        <summary>{t('session.add')}</summary>
        <SessionForm
          key={items.length}
          roundId={roundId}
          timeZone={timeZone}
          session={null}
          nextPosition={nextPosition}
          onSaved={saved}
        />
      </details>
    </section>
  );
}
