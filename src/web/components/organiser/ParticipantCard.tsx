import { useState } from 'react';
import type { ParticipationStatus } from '../../../domain/enums.ts';
import type { Participation } from '../../../domain/people.ts';
import type { Delegation } from '../../../domain/series.ts';
import { PARTICIPATION_TRANSITIONS } from '../../../domain/transitions.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { backgroundLabel, genderLabel, roleLabel } from '../../i18n/labels.ts';
import { Problem } from '../Problem.tsx';
import { InviteForm } from './InviteForm.tsx';

/**
 * One person in the round: who, for which side, in what role, where in the process, and the next
 * steps: every allowed one for organisers; for a focal point only `statuses` (withdraw, nominate
 * again) and no invitation.
 */
export function ParticipantCard({
  participation: p,
  delegations,
  onChanged,
  statuses,
  canInvite = true,
}: {
  participation: Participation;
  delegations: Delegation[];
  onChanged(): void;
  statuses?: readonly ParticipationStatus[];
  canInvite?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const submit = useSubmit();
  const [inviting, setInviting] = useState(false);
  const delegation = delegations.find((d) => d.id === p.delegationId)?.name;
  // "invited" happens by creating an invitation, which the server records.
  const next = PARTICIPATION_TRANSITIONS[p.status].filter(
    (s) => s !== 'invited' && (!statuses || statuses.includes(s)),
  );
  const move = async (status: string) => {
    if (await submit.run(() => api.patch(`/participations/${p.id}`, { status }))) onChanged();
  };
  const name = [p.person.honorific, p.person.fullName].filter(Boolean).join(' ');

  return (
    <li className="card participant" aria-labelledby={`p-${p.id}`}>
      <h3 id={`p-${p.id}`}>
        <bdi>{name}</bdi>
      </h3>
      <p className="muted">
        {p.person.affiliation && (
          <>
            <bdi>{p.person.affiliation}</bdi> ·{' '}
          </>
        )}
        {delegation ? <bdi>{delegation}</bdi> : t('participation.noDelegation')} ·{' '}
        {roleLabel(i18n, p.role)} · {t(`capacity.${p.capacity}`)}
        {' · '}
        {backgroundLabel(i18n, p.person.background)} · {genderLabel(i18n, p.person.gender)}
      </p>
      <p>
        <span className={`badge badge--${p.status}`}>{t(`participationStatus.${p.status}`)}</span>
      </p>
      <div className="actions">
        {next.map((status) => (
          <button
            key={status}
            type="button"
            disabled={submit.busy}
            onClick={() => move(status)}
            aria-label={`${t(`participationAction.${status}`)}: ${name}`}
          >
            {t(`participationAction.${status}`)}
          </button>
        ))}
        {canInvite && (p.status === 'approved' || p.status === 'invited') && !inviting && (
          <button
            type="button"
            className="button--primary"
            onClick={() => setInviting(true)}
            aria-label={`${t('participants.invite')}: ${name}`}
          >
            {t('participants.invite')}
          </button>
        )}
      </div>
      {inviting && <InviteForm participationId={p.id} onInvited={onChanged} />}
      <Problem error={submit.error} />
    </li>
  );
}
