import type { Session } from '../../domain/rounds.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { AgendaAbilities } from '../pages/AgendaPage.tsx';
import { Link } from './Link.tsx';
import { RuleExplainer } from './RuleExplainer.tsx';
import { VenueTime } from './VenueTime.tsx';

/** One agenda item: what, when, under which rule, and what the reader may do in it. */
export function SessionCard({ session: s, can }: { session: Session; can: AgendaAbilities }) {
  const { t } = useI18n();
  const captured = s.attributionRule !== 'off_record';
  return (
    <article className="card session-card" aria-labelledby={`session-${s.id}`}>
      <h3 id={`session-${s.id}`}>
        <bdi>{s.title}</bdi>
      </h3>
      <p className="muted">
        {t(`sessionKind.${s.kind}`)} ·{' '}
        <span className={`status status--${s.status}`}>{t(`sessionStatus.${s.status}`)}</span>
        {s.startsAt && (
          <>
            {' '}
            · <VenueTime at={s.startsAt} zone={s.timeZone} />
          </>
        )}
      </p>
      <RuleExplainer rule={s.attributionRule} />
      <p className="actions">
        <a href={`/feeds/sessions/${s.id}/calendar.ics`} className="button" download>
          {t('calendar.session')}
        </a>
        {can.participates && captured && s.status === 'open' && (
          <Link to={`/sessions/${s.id}/vote`} className="button button--primary">
            {t('agenda.takePart')}
          </Link>
        )}
        {can.moderates && captured && (
          <Link to={`/sessions/${s.id}/moderate`} className="button">
            {t('agenda.moderate')}
          </Link>
        )}
        {can.moderates && captured && (
          <Link to={`/sessions/${s.id}/room`} className="button">
            {t('agenda.room')}
          </Link>
        )}
        {(can.participates || can.moderates) && captured && s.status !== 'scheduled' && (
          <Link to={`/sessions/${s.id}/analysis`} className="button">
            {t('agenda.analysis')}
          </Link>
        )}
      </p>
    </article>
  );
}
