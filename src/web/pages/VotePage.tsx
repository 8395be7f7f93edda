import { useVoting } from '../api/useVoting.ts';
import { useMe } from '../app/MeProvider.tsx';
import { Link } from '../components/Link.tsx';
import { Loading } from '../components/Loading.tsx';
import { Problem } from '../components/Problem.tsx';
import { RuleExplainer } from '../components/RuleExplainer.tsx';
import { MyVotesList } from '../components/vote/MyVotesList.tsx';
import { SaveStatus } from '../components/vote/SaveStatus.tsx';
import { StatementText } from '../components/vote/StatementText.tsx';
import { SubmitStatement } from '../components/vote/SubmitStatement.tsx';
import { VoteButtons } from '../components/vote/VoteButtons.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';

/** A participant's phone in the room: one statement at a time, three big buttons, a visible "saved". */
export function VotePage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const { me } = useMe();
  const v = useVoting(sessionId, me ? (me.user?.id ?? null) : undefined);
  if (v.loadError) return <Problem error={v.loadError} />;
  if (!v.session) return <Loading />;
  const s = v.session;
  const open = s.status === 'open' && s.attributionRule !== 'off_record';

  return (
    <section className="vote-page">
      <p className="muted">
        <Link to={`/rounds/${s.roundId}`}>{t('vote.backToAgenda')}</Link>
      </p>
      <h1>
        <bdi>{s.title}</bdi>
      </h1>
      <RuleExplainer rule={s.attributionRule} />
      {s.attributionRule === 'off_record' && <p className="notice">{t('vote.offRecord')}</p>}
      {s.attributionRule !== 'off_record' && s.status === 'scheduled' && (
        <p className="notice">{t('vote.notOpen')}</p>
      )}
      {s.attributionRule !== 'off_record' && s.status === 'closed' && (
        <p className="notice">{t('vote.closed')}</p>
      )}

      {open && (
        <div className="vote-current" aria-live="polite">
          {v.current ? (
            <article className="card card--statement" aria-labelledby="current-statement-heading">
              <h2 id="current-statement-heading" className="visually-hidden">
                {t('vote.current')}
              </h2>
              <StatementText statement={v.current} large />
              <VoteButtons
                current={v.votes.get(v.current.id)}
                onVote={(value) => v.vote(v.current!.id, value)}
                label={t('vote.current')}
              />
              {v.remaining !== null && (
                <p className="muted">{t('vote.remaining', { count: v.remaining })}</p>
              )}
            </article>
          ) : (
            <div className="card">
              <p>{t('vote.nothingLeft')}</p>
              <button type="button" onClick={() => void v.refresh()}>
                {t('vote.checkAgain')}
              </button>
            </div>
          )}
        </div>
      )}
      <SaveStatus state={v.queueState} lastStatementId={v.lastVoted} />
      {v.liveState === 'reconnecting' && <p className="muted">{t('live.reconnecting')}</p>}

      <MyVotesList statements={v.statements} votes={v.votes} onVote={v.vote} canChange={open} />
      {open && (
        <details className="disclosure">
          <summary>{t('submit.title')}</summary>
          <SubmitStatement sessionId={sessionId} />
        </details>
      )}
    </section>
  );
}
