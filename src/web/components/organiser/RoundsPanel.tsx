import { useState } from 'react';
import type { Page } from '../../../domain/common.ts';
import type { Round } from '../../../domain/rounds.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Link } from '../Link.tsx';
import { Problem } from '../Problem.tsx';
import { RoundForm } from './RoundForm.tsx';
import { RoundTitle } from '../RoundTitle.tsx';

/** A series' rounds, each linking to its agenda and set-up, and a form to add the next. */
export function RoundsPanel({ seriesId, canEdit }: { seriesId: string; canEdit: boolean }) {
  const { t, dateRange } = useI18n();
  const rounds = useResource(
    () => api.get<Page<Round>>(`/series/${seriesId}/rounds?limit=200`),
    seriesId,
  );
  const [adding, setAdding] = useState(false);
  const items = [...(rounds.data?.items ?? [])].sort((a, b) => a.number - b.number);
  const nextNumber = items.reduce((n, r) => Math.max(n, r.number), 0) + 1;
  return (
    <section aria-labelledby="rounds-heading">
      <h2 id="rounds-heading">{t('series.rounds')}</h2>
      <Problem error={rounds.error} />
      {rounds.data && items.length === 0 && <p>{t('series.noRounds')}</p>}
      <ul className="cards">
        {items.map((r) => (
          <li key={r.id} className="card">
            <h3>
              <RoundTitle round={r} />
            </h3>
            <p className="muted">
              {dateRange(r.startsOn, r.endsOn)} · {t(`roundStatus.${r.status}`)}
            </p>
            <p className="actions">
              <Link to={`/rounds/${r.id}`}>{t('home.openAgenda')}</Link>
              {canEdit && <Link to={`/rounds/${r.id}/setup`}>{t('agenda.setup')}</Link>}
            </p>
          </li>
        ))}
      </ul>
      {canEdit && !adding && (
        <button type="button" onClick={() => setAdding(true)}>
          {t('round.add')}
        </button>
      )}
      {canEdit && adding && (
        <>
          <h3>{t('round.add')}</h3>
          <RoundForm
            seriesId={seriesId}
            round={null}
            nextNumber={nextNumber}
            onSaved={() => {
              setAdding(false);
              rounds.reload();
            }}
          />
        </>
      )}
    </section>
  );
}
