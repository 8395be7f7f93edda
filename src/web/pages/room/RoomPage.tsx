import { numberStatements } from '../../components/analysis/SessionAnalysisView.tsx';
import { AgreementBars } from '../../components/charts/AgreementBars.tsx';
import { CountsBar } from '../../components/charts/CountsBar.tsx';
import { OpinionMap } from '../../components/charts/OpinionMap.tsx';
import { Loading } from '../../components/Loading.tsx';
import { Problem } from '../../components/Problem.tsx';
import { RuleExplainer } from '../../components/RuleExplainer.tsx';
import { StatementText } from '../../components/vote/StatementText.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useRoom } from './useRoom.ts';

/**
 * The projector: the newest approved statement with its live totals and per-delegation bars,
 * and the opinion map, all updating as votes arrive. Large type for the back of the room.
 */
export default function RoomPage({ sessionId }: { sessionId: string }) {
  const { t } = useI18n();
  const room = useRoom(sessionId);
  if (room.error) return <Problem error={room.error} />;
  if (!room.session) return <Loading />;
  const ordered = [...room.statements].sort(
    (a, b) => a.position - b.position || a.createdAt.localeCompare(b.createdAt),
  );
  const current = ordered.at(-1);
  const analysis = current && room.summary?.statements.find((s) => s.statementId === current.id);
  const numbers = numberStatements(room.statements);

  return (
    <section className="room">
      <div className="room__head">
        <h1>
          <bdi>{room.session.title}</bdi>
        </h1>
        <p className={`live live--${room.liveState}`} role="status">
          {room.liveState === 'live' ? t('live.live') : t('live.reconnecting')} ·{' '}
          {t(`sessionStatus.${room.session.status}`)}
        </p>
      </div>
      <RuleExplainer rule={room.session.attributionRule} compact />
      <div className="room__grid">
        <div className="room__current">
          <h2>{t('room.current')}</h2>
          {current ? (
            <>
              <StatementText statement={current} large />
              {current.counts ? (
                <CountsBar counts={current.counts} />
              ) : (
                <p className="muted">{t('counts.withheld')}</p>
              )}
              {analysis && analysis.delegations.length > 0 && (
                <>
                  <h3>{t('analysis.byDelegation')}</h3>
                  <AgreementBars statement={analysis} />
                </>
              )}
            </>
          ) : (
            <p>{t('room.noStatements')}</p>
          )}
        </div>
        <div className="room__map">
          <h2>{t('analysis.map')}</h2>
          {room.summary ? (
            <OpinionMap summary={room.summary} numbers={numbers} />
          ) : (
            <p>{t('analysis.notYet')}</p>
          )}
        </div>
      </div>
    </section>
  );
}
