import { Link } from '../../components/Link.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ParticipantsPanel } from '../../components/organiser/ParticipantsPanel.tsx';
import { RoundForm } from '../../components/organiser/RoundForm.tsx';
import { RoundStatusControls } from '../../components/organiser/RoundStatusControls.tsx';
import { SessionsEditor } from '../../components/organiser/SessionsEditor.tsx';
import { Problem } from '../../components/Problem.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoundWithSeries } from './useRoundWithSeries.ts';

/** Everything organisers prepare for one round: its agenda, its participants and their balance. */
export default function RoundSetupPage({ roundId }: { roundId: string }) {
  const { t, dateRange } = useI18n();
  const data = useRoundWithSeries(roundId);
  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <Problem error={data.error} />;
  const { round: r, series } = data.data;
  return (
    <section>
      <h1>
        {t('setup.title', { number: r.number })}: <bdi>{r.city}</bdi>
      </h1>
      <p className="muted">
        <bdi>{series.title}</bdi> · {dateRange(r.startsOn, r.endsOn)} ·{' '}
        <Link to={`/series/${r.seriesId}`}>{t('setup.backToSeries')}</Link> ·{' '}
        <Link to={`/rounds/${r.id}`}>{t('home.openAgenda')}</Link>
      </p>
      <RoundStatusControls round={r} onChanged={data.reload} />
      <details className="disclosure">
        <summary>{t('round.edit')}</summary>
        <RoundForm
          key={JSON.stringify(r)}
          seriesId={r.seriesId}
          round={r}
          nextNumber={r.number}
          onSaved={data.reload}
        />
      </details>
      <div className="columns">
        <SessionsEditor roundId={r.id} timeZone={r.timeZone} />
        <ParticipantsPanel roundId={r.id} delegations={series.delegations} />
      </div>
    </section>
  );
}
