import type { Me } from '../../domain/accounts.ts';
import type { Round } from '../../domain/rounds.ts';
import { api } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { Link } from './Link.tsx';

/** The rounds the signed-in person takes part in, each linking to its agenda. */
export function MyRounds({ participations }: { participations: Me['participations'] }) {
  const { t, dateRange } = useI18n();
  const ids = [...new Set(participations.map((p) => p.roundId))];
  const rounds = useResource(
    () => Promise.all(ids.map((id) => api.get<Round>(`/rounds/${id}`))),
    ids.join(','),
  );
  if (ids.length === 0) return null;
  return (
    <>
      <h2>{t('home.myRounds')}</h2>
      <ul className="cards">
        {(rounds.data ?? []).map((r) => (
          <li key={r.id} className="card">
            <h3>
              {t('round.heading', { number: r.number })}: <bdi>{r.city}</bdi>
            </h3>
            <p className="muted">{dateRange(r.startsOn, r.endsOn)}</p>
            <Link to={`/rounds/${r.id}`}>{t('home.openAgenda')}</Link>
          </li>
        ))}
      </ul>
    </>
  );
}
