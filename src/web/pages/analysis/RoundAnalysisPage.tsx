import type { RoundAnalysis } from '../../../domain/analysis.ts';
import type { Page } from '../../../domain/common.ts';
import type { Round } from '../../../domain/rounds.ts';
import type { Statement } from '../../../domain/statements.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { SessionAnalysisView } from '../../components/analysis/SessionAnalysisView.tsx';
import { Link } from '../../components/Link.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Problem } from '../../components/Problem.tsx';
import { RoundTitle } from '../../components/RoundTitle.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** Every session of a round, each with its map and lists, in agenda order. */
export default function RoundAnalysisPage({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const data = useResource(async () => {
    const [round, analysis] = await Promise.all([
      api.get<Round>(`/rounds/${roundId}`),
      api.get<RoundAnalysis>(`/rounds/${roundId}/analysis`),
    ]);
    const statements = await Promise.all(
      analysis.sessions.map((s) =>
        api
          .get<Page<Statement>>(`/sessions/${s.sessionId}/statements?status=approved&limit=200`)
          .then((p) => p.items.filter((x) => x.status === 'approved')),
      ),
    );
    return { round, analysis, statements };
  }, roundId);
  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <Problem error={data.error} />;
  const { round, analysis, statements } = data.data;
  return (
    <section>
      <p className="muted">
        <Link to={`/rounds/${round.id}`}>{t('vote.backToAgenda')}</Link>
      </p>
      <h1>
        {t('analysis.roundTitle')}: <RoundTitle round={round} />
      </h1>
      {analysis.sessions.length === 0 && <p>{t('analysis.notYet')}</p>}
      {analysis.sessions.map((s, i) => (
        <section
          key={s.sessionId}
          aria-labelledby={`s-${s.sessionId}`}
          className="round-analysis__session"
        >
          <h2 id={`s-${s.sessionId}`}>
            <Link to={`/sessions/${s.sessionId}/analysis`}>
              <bdi>{s.title}</bdi>
            </Link>
          </h2>
          <SessionAnalysisView summary={s.analysis} statements={statements[i]} />
        </section>
      ))}
    </section>
  );
}
