import type { Page } from '../../../domain/common.ts';
import type { Series } from '../../../domain/series.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { Link } from '../../components/Link.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Problem } from '../../components/Problem.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export default function SeriesListPage() {
  const { t, date } = useI18n();
  const series = useResource(() => api.get<Page<Series>>('/series?limit=200'), 'series');
  return (
    <section>
      <h1>{t('series.listTitle')}</h1>
      <p>
        <Link to="/series/new" className="button button--primary">
          {t('series.new')}
        </Link>
      </p>
      {series.loading && <Loading />}
      <Problem error={series.error} />
      <table className="table">
        <caption className="visually-hidden">{t('series.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('series.title')}</th>
            <th scope="col">{t('series.delegations')}</th>
            <th scope="col">{t('series.created')}</th>
          </tr>
        </thead>
        <tbody>
          {series.data?.items.map((s) => (
            <tr key={s.id}>
              <td>
                <Link to={`/series/${s.id}`}>
                  <bdi>{s.title}</bdi>
                </Link>
              </td>
              <td>
                {s.delegations.map((d) => (
                  <bdi key={d.id} className="tag">
                    {d.name}
                  </bdi>
                ))}
              </td>
              <td>{date(s.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
