import { formatForReader, runtimeZone } from '../../domain/time.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

/**
 * An instant in the venue's zone, labelled ("09:30 PKT, 5 April 2026"), and, for a reader whose
 * clock reads otherwise, in theirs too ("your time: 00:30 EDT, 5 April 2026").
 */
export function VenueTime({ at, zone }: { at: string; zone: string }) {
  const { t, lang, dateTime } = useI18n();
  const local = formatForReader(at, zone, runtimeZone(), lang);
  return (
    <>
      <time dateTime={at}>{dateTime(at, zone)}</time>
      {local && <span className="muted"> ({t('time.yourTime', { time: local })})</span>}
    </>
  );
}
