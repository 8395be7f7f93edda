import type { z } from 'zod';
import type { SessionAnalysis } from '../../../domain/analysis.ts';
import type { Page } from '../../../domain/common.ts';
import type { Session } from '../../../domain/rounds.ts';
import type { Statement } from '../../../domain/statements.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { SessionAnalysisView } from '../../components/analysis/SessionAnalysisView.tsx';
import { Link } from '../../components/Link.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Problem } from '../../components/Problem.tsx';
import { RuleExplainer } from '../../components/RuleExplainer.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The analysis of one session: opinion map, lists and per-delegation agreement. */
export default function SessionAnalysisPage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const data = useResource(
    () =>
      Promise.all([
        api.get<Session>(`/sessions/${sessionId}`),
        api.get<z.infer<typeof SessionAnalysis>>(`/sessions/${sessionId}/analysis`),
        api.get<Page<Statement>>(`/sessions/${sessionId}/statements?status=approved&limit=200`),
      ]),
    sessionId,
  );
  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <Problem error={data.error} />;
  const [session, analysis, statements] = data.data;
  return (
    <section>
      <p className="muted">
        <Link to={`/rounds/${session.roundId}`}>{t('vote.backToAgenda')}</Link> ·{' '}
        <Link to={`/rounds/${session.roundId}/analysis`}>{t('agenda.roundAnalysis')}</Link>
      </p>
      <h1>
        {t('analysis.title')}: <bdi>{session.title}</bdi>
      </h1>
      <RuleExplainer rule={session.attributionRule} compact />
      <SessionAnalysisView
        summary={analysis.analysis}
        statements={statements.items.filter((s) => s.status === 'approved')}
      />
    </section>
  );
}
