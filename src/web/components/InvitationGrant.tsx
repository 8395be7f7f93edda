import type { InvitationStatus } from '../../domain/accounts.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { roleLabel } from '../i18n/labels.ts';
import { RoundTitle } from './RoundTitle.tsx';

/** "You are invited to round 2 in Islamabad of the X dialogue, as a delegate of Pakistan." */
export function InvitationGrant({ grant }: { grant: NonNullable<InvitationStatus['grant']> }) {
  const i18n = useI18n();
  const { t, dateRange } = i18n;
  return (
    <div className="card">
      <p className="lead">
        <bdi>{grant.seriesTitle}</bdi>
      </p>
      {grant.round && (
        <p>
          <RoundTitle round={grant.round} />
          {' · '}
          {dateRange(grant.round.startsOn, grant.round.endsOn)}
        </p>
      )}
      <p>
        {t('invite.as')} <strong>{roleLabel(i18n, grant.role)}</strong>
        {grant.delegationName && (
          <>
            {' '}
            · {t('invite.delegation')} <bdi>{grant.delegationName}</bdi>
          </>
        )}
      </p>
    </div>
  );
}
