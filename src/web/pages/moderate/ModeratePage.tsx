import type { Page } from '../../../domain/common.ts';
import type { Session } from '../../../domain/rounds.ts';
import type { Statement } from '../../../domain/statements.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';
import { useSessionEvents } from '../../api/useSessionEvents.ts';
import { Link } from '../../components/Link.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ApprovedList } from '../../components/moderate/ApprovedList.tsx';
import { QueueItem } from '../../components/moderate/QueueItem.tsx';
import { SessionControls } from '../../components/moderate/SessionControls.tsx';
import { Problem } from '../../components/Problem.tsx';
import { RuleExplainer } from '../../components/RuleExplainer.tsx';
import { SubmitStatement } from '../../components/vote/SubmitStatement.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** The moderator's laptop: the queue, the approved statements with live totals, opening and closing. */
export default function ModeratePage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const data = useResource(
    () =>
      Promise.all([
        api.get<Session>(`/sessions/${sessionId}`),
        api.get<Page<Statement>>(`/sessions/${sessionId}/statements?limit=200`),
      ]),
    sessionId,
  );
  // Any change in the room (a submission, a moderation elsewhere, votes, open/close): fetch the queue again.
  const live = useSessionEvents(
    sessionId,
    ['moderation-queue', 'statement', 'statement-order', 'session', 'vote-counts'],
    () => data.reload(),
  );
  if (data.loading && !data.data) return <Loading />;
  if (!data.data) return <Problem error={data.error} />;
  const [session, list] = data.data;
  const pending = list.items.filter((s) => s.status === 'pending');
  const approved = list.items
    .filter((s) => s.status === 'approved')
    .sort((a, b) => a.position - b.position);

  return (
    <section>
      <p className="muted">
        <Link to={`/rounds/${session.roundId}`}>{t('vote.backToAgenda')}</Link> ·{' '}
        <Link to={`/sessions/${session.id}/room`}>{t('agenda.room')}</Link> ·{' '}
        <Link to={`/sessions/${session.id}/analysis`}>{t('agenda.analysis')}</Link>
      </p>
      <h1>
        {t('moderate.title')}: <bdi>{session.title}</bdi>
      </h1>
      <RuleExplainer rule={session.attributionRule} compact />
      <SessionControls session={session} onChanged={data.reload} />
      {live === 'reconnecting' && <p className="muted">{t('live.reconnecting')}</p>}
      <div className="columns">
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t('moderate.queue', { count: pending.length })}</h2>
          {pending.length === 0 && <p>{t('moderate.empty')}</p>}
          <ul className="plain-list">
            {pending.map((s) => (
              <QueueItem key={s.id} statement={s} approved={approved} onDone={data.reload} />
            ))}
          </ul>
          {session.status !== 'closed' && (
            <details className="disclosure">
              <summary>{t('moderate.seed')}</summary>
              <SubmitStatement sessionId={session.id} onSubmitted={data.reload} />
            </details>
          )}
        </section>
        <section aria-labelledby="approved-heading">
          <h2 id="approved-heading">{t('moderate.approved', { count: approved.length })}</h2>
          <ApprovedList
            sessionId={session.id}
            statements={approved}
            canReorder={session.status !== 'closed'}
            onReordered={data.reload}
          />
        </section>
      </div>
    </section>
  );
}
