import type { Me } from '../../domain/accounts.ts';
import type { Page } from '../../domain/common.ts';
import type { Round, Session } from '../../domain/rounds.ts';
import { api } from '../api/client.ts';
import { useResource } from '../api/useResource.ts';
import { useMe } from '../app/MeProvider.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { Problem } from '../components/Problem.tsx';
import { SessionCard } from '../components/SessionCard.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { RoundTitle } from '../components/RoundTitle.tsx';

export interface AgendaAbilities {
  participates: boolean;
  moderates: boolean;
  organises: boolean;
  /** The focal point of one of the series' delegations: nominates its people. */
  focalPoint: boolean;
}

function abilities(me: Me | null, round: Round): AgendaAbilities {
  const organises = Boolean(
    me?.user?.isAdmin ||
    me?.seriesRoles.some((r) => r.seriesId === round.seriesId && r.role === 'organiser'),
  );
  const mine = me?.participations.filter((p) => p.roundId === round.id) ?? [];
  const focalPoint = Boolean(
    me?.seriesRoles.some((r) => r.seriesId === round.seriesId && r.role === 'focal_point'),
  );
  return {
    participates: mine.length > 0,
    moderates: organises || mine.some((p) => p.role === 'moderator'),
    organises,
    focalPoint,
  };
}

/** A round's agenda: every session with its attribution rule explained before anyone contributes. */
export function AgendaPage({ roundId }: { roundId: string }) {
  const { t, dateRange } = useI18n();
  const { me } = useMe();
  const data = useResource(
    () =>
      Promise.all([
        api.get<Round>(`/rounds/${roundId}`),
        api.get<Page<Session>>(`/rounds/${roundId}/sessions?limit=200`),
      ]),
    roundId,
  );
  if (data.loading) return <Loading />;
  if (!data.data) return <Problem error={data.error} />;
  const [round, sessions] = data.data;
  const can = abilities(me, round);
  const ordered = [...sessions.items].sort((a, b) => a.position - b.position);

  return (
    <section>
      <h1>
        <RoundTitle round={round} />
      </h1>
      <p className="muted">
        {dateRange(round.startsOn, round.endsOn)}
        {round.venue && (
          <>
            {' '}
            · <bdi>{round.venue}</bdi>
          </>
        )}
      </p>
      {round.umbrellaTheme && (
        <p className="lead">
          <bdi>{round.umbrellaTheme}</bdi>
        </p>
      )}
      {can.organises && (
        <p className="actions">
          <Link to={`/rounds/${round.id}/setup`} className="button">
            {t('agenda.setup')}
          </Link>
          <Link to={`/rounds/${round.id}/analysis`} className="button">
            {t('agenda.roundAnalysis')}
          </Link>
        </p>
      )}
      {can.focalPoint && (
        <p className="actions">
          <Link to={`/rounds/${round.id}/delegation`} className="button">
            {t('agenda.delegation')}
          </Link>
        </p>
      )}
      {/* Rapporteurs write outcomes, heads endorse, every participant reviews the rapporteur's report. */}
      {(can.organises || can.participates) && (
        <p className="actions">
          <Link to={`/rounds/${round.id}/outcomes`} className="button">
            {t('agenda.outcomes')}
          </Link>
        </p>
      )}
      <h2>{t('agenda.title')}</h2>
      <p className="muted">
        {t('session.timesIn', { zone: round.timeZone })}{' '}
        <a href={`/feeds/rounds/${round.id}/calendar.ics`} download>
          {t('calendar.round')}
        </a>
      </p>
      {ordered.length === 0 && <p>{t('agenda.empty')}</p>}
      <ol className="agenda">
        {ordered.map((s) => (
          <li key={s.id}>
            <SessionCard session={s} can={can} />
          </li>
        ))}
      </ol>
    </section>
  );
}
