import type { Page } from '../../../domain/common.ts';
import type { Round, Session } from '../../../domain/rounds.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useMe } from '../../app/MeProvider.tsx';
import { useSearchParams } from '../../app/router.ts';
import { Link } from '../../components/Link.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ConclusionsPanel } from '../../components/outcomes/ConclusionsPanel.tsx';
import { OutcomeItemsPanel } from '../../components/outcomes/OutcomeItemsPanel.tsx';
import { PublicReportPanel } from '../../components/outcomes/PublicReportPanel.tsx';
import { RapporteurReportPanel } from '../../components/outcomes/RapporteurReportPanel.tsx';
import { RecommendationsPanel } from '../../components/outcomes/RecommendationsPanel.tsx';
import { Problem } from '../../components/Problem.tsx';
import { RoundTitle } from '../../components/RoundTitle.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { outcomeAbilities } from './abilities.ts';
import './outcomes.css';

const PARTS = ['items', 'conclusions', 'rreport', 'recs', 'public'] as const;
type Part = (typeof PARTS)[number];

/** The rapporteur's workbench for a round: outcome items, conclusions, the rapporteur's report, recommendations, the public report. */
export default function OutcomesPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const { me } = useMe();
  const params = useSearchParams();
  const part: Part = (PARTS as readonly string[]).includes(params.get('part') ?? '')
    ? (params.get('part') as Part)
    : 'items';
  const data = useResource(async () => {
    const round = await api.get<Round>(`/rounds/${roundId}`);
    const sessions = await api.get<Page<Session>>(`/rounds/${roundId}/sessions?limit=200`);
    return { round, sessions: [...sessions.items].sort((a, b) => a.position - b.position) };
  }, roundId);
  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <Problem error={data.error} />;
  const { round, sessions } = data.data;
  const can = outcomeAbilities(me, round, sessions);
  const visible = PARTS.filter((p) => p !== 'public' || can.organises);
  return (
    <section>
      <h1>
        {t('outcomes.title')}: <RoundTitle round={round} />
      </h1>
      <p className="muted">
        <Link to={`/rounds/${round.id}`}>{t('home.openAgenda')}</Link>
        {can.writes && (
          <>
            {' '}
            · <Link to={`/series/${round.seriesId}/continuity`}>{t('continuity.title')}</Link>
          </>
        )}
      </p>
      <nav aria-label={t('outcomes.parts')} className="outcome-tabs">
        <ul>
          {visible.map((p) => (
            <li key={p}>
              <Link
                to={`/rounds/${round.id}/outcomes?part=${p}`}
                aria-current={p === part ? 'page' : undefined}
              >
                {t(`outcomes.part.${p}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {part === 'items' && (
        <OutcomeItemsPanel
          roundId={round.id}
          sessions={sessions}
          canWrite={can.writes}
          canPublish={can.organises}
        />
      )}
      {part === 'conclusions' && (
        <ConclusionsPanel roundId={round.id} canWrite={can.writes} headOf={can.headOf} />
      )}
      {part === 'rreport' && (
        <RapporteurReportPanel
          roundId={round.id}
          can={{ write: can.reports, organise: can.organises }}
        />
      )}
      {part === 'recs' && (
        <RecommendationsPanel
          round={round}
          sessions={sessions}
          canWrite={can.writes}
          canOrganise={can.organises}
        />
      )}
      {part === 'public' && can.organises && <PublicReportPanel roundId={round.id} />}
    </section>
  );
}
