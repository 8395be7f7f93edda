import { useMe } from '../../app/MeProvider.tsx';
import { Link } from '../../components/Link.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ParticipantsPanel } from '../../components/organiser/ParticipantsPanel.tsx';
import { Problem } from '../../components/Problem.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoundWithSeries } from './useRoundWithSeries.ts';

/** A delegation's focal point nominates the people their side sends to a round; organisers decide. */
export default function DelegationPage({ roundId }: { roundId: string }) {
  const { t, dateRange } = useI18n();
  const { me } = useMe();
  const data = useRoundWithSeries(roundId);
  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <Problem error={data.error} />;
  const { round: r, series } = data.data;
  const mine = new Set(
    me?.seriesRoles
      .filter((role) => role.seriesId === r.seriesId && role.role === 'focal_point')
      .map((role) => role.delegationId),
  );
  const delegations = series.delegations.filter((d) => mine.has(d.id));
  return (
    <section>
      <h1>
        {t('delegation.title', { number: r.number })}: <bdi>{r.city}</bdi>
      </h1>
      <p className="muted">
        <bdi>{series.title}</bdi> · {dateRange(r.startsOn, r.endsOn)} ·{' '}
        <Link to={`/rounds/${r.id}`}>{t('home.openAgenda')}</Link>
      </p>
      {delegations.length === 0 ? (
        <p>{t('delegation.notFocal')}</p>
      ) : (
        <>
          <p>{t('delegation.intro')}</p>
          <ParticipantsPanel roundId={r.id} delegations={delegations} focalPoint />
        </>
      )}
    </section>
  );
}
