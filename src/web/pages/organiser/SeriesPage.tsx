import type { Series } from '../../../domain/series.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useMe } from '../../app/MeProvider.tsx';
import { navigate } from '../../app/router.ts';
import { Loading } from '../../components/Loading.tsx';
import { DelegationsEditor } from '../../components/organiser/DelegationsEditor.tsx';
import { RoundsPanel } from '../../components/organiser/RoundsPanel.tsx';
import { SeriesForm } from '../../components/organiser/SeriesForm.tsx';
import { Problem } from '../../components/Problem.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** A new series (seriesId null), or an existing one: its text, delegations and rounds. */
export default function SeriesPage({ seriesId }: { seriesId: string | null }) {
  const { t } = useI18n();
  const { me } = useMe();
  const series = useResource(
    () => (seriesId ? api.get<Series>(`/series/${seriesId}`) : Promise.resolve(null)),
    seriesId ?? 'new',
  );

  if (!seriesId) {
    return (
      <section className="narrow">
        <h1>{t('series.new')}</h1>
        <SeriesForm series={null} onSaved={(s) => navigate(`/series/${s.id}`, { replace: true })} />
      </section>
    );
  }
  if (series.loading && !series.data) return <Loading />;
  if (!series.data) return <Problem error={series.error} />;
  const s = series.data;
  const canEdit = Boolean(
    me?.user?.isAdmin || me?.seriesRoles.some((r) => r.seriesId === s.id && r.role === 'organiser'),
  );

  return (
    <section>
      <h1>
        <bdi>{s.title}</bdi>
      </h1>
      {s.trackLabel && (
        <p className="muted">
          <bdi>{s.trackLabel}</bdi>
        </p>
      )}
      {s.description && (
        <p className="lead">
          <bdi>{s.description}</bdi>
        </p>
      )}
      {canEdit && <p className="muted">{t('series.kAnonymityShown', { k: s.kAnonymity })}</p>}
      <div className="columns">
        <RoundsPanel seriesId={s.id} canEdit={canEdit} />
        {canEdit && (
          <div>
            <DelegationsEditor
              seriesId={s.id}
              delegations={s.delegations}
              onChanged={series.reload}
            />
            <details className="disclosure">
              <summary>{t('series.edit')}</summary>
              <SeriesForm key={`${s.title}|${s.slug}`} series={s} onSaved={series.reload} />
            </details>
          </div>
        )}
      </div>
    </section>
  );
}
