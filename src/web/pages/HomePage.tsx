import type { Page } from '../../domain/common.ts';
import type { Series } from '../../domain/series.ts';
import { api } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { useMe } from '../app/MeProvider.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { MyRounds } from '../components/MyRounds.tsx';
import { Problem } from '../components/Problem.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

export function HomePage() {
  const { t } = useI18n();
  const { me } = useMe();
  const series = useResource(() => api.get<Page<Series>>('/series?limit=200'), 'series');

  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.lead')}</p>
      {me && !me.user && (
        <p>
          <Link to="/login" className="button button--primary">
            {t('nav.signIn')}
          </Link>
        </p>
      )}
      {me?.user && <MyRounds participations={me.participations} />}
      <h2>{t('home.series')}</h2>
      {series.loading && <Loading />}
      <Problem error={series.error} />
      {series.data && series.data.items.length === 0 && <p>{t('home.noSeries')}</p>}
      <ul className="cards">
        {series.data?.items.map((s) => (
          <li key={s.id} className="card">
            <h3>
              <bdi>{s.title}</bdi>
            </h3>
            {s.trackLabel && (
              <p className="muted">
                <bdi>{s.trackLabel}</bdi>
              </p>
            )}
            <p className="muted">{s.delegations.map((d) => d.name).join(' · ')}</p>
            <Link to={`/series/${s.id}`}>{t('home.openSeries')}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
