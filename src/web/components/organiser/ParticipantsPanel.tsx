import type { Page } from '../../../domain/common.ts';
import type { Participation } from '../../../domain/people.ts';
import type { Delegation } from '../../../domain/series.ts';
import { DELEGATION_ROLES, FOCAL_POINT_STATUSES } from '../../../domain/transitions.ts';
import { api } from '../../api/client.ts';
import type { RoundBalance } from '../../api/types.ts';
import { useResource } from '../../api/useResource.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Problem } from '../Problem.tsx';
import { BalanceChart } from './BalanceChart.tsx';
import { NominateForm } from './NominateForm.tsx';
import { ParticipantCard } from './ParticipantCard.tsx';

/**
 * The round's room: balance bars first, then each participant with their next steps, then a form
 * to add one. For a focal point (`focalPoint`): their delegations' nominations (the server lists
 * only those), withdrawing and nominating again, and a form that nominates to their delegations.
 */
export function ParticipantsPanel({
  roundId,
  delegations,
  focalPoint = false,
}: {
  roundId: string;
  delegations: Delegation[];
  focalPoint?: boolean;
}) {
  const { t } = useI18n();
  const people = useResource(
    () =>
      Promise.all([
        api.get<Page<Participation>>(`/rounds/${roundId}/participations?limit=200`),
        api.get<RoundBalance>(`/rounds/${roundId}/balance`),
      ]),
    roundId,
  );
  const [list, balance] = people.data ?? [];
  return (
    <section aria-labelledby="participants-heading">
      {balance && <BalanceChart balance={balance} />}
      <h2 id="participants-heading">
        {t(focalPoint ? 'delegation.listTitle' : 'participants.title')}
      </h2>
      <Problem error={people.error} />
      {list && list.items.length === 0 && <p>{t('participants.empty')}</p>}
      <ul className="plain-list">
        {list?.items.map((p) => (
          <ParticipantCard
            key={p.id}
            participation={p}
            delegations={delegations}
            onChanged={people.reload}
            statuses={focalPoint ? FOCAL_POINT_STATUSES : undefined}
            canInvite={!focalPoint}
          />
        ))}
      </ul>
      <details className="disclosure" open={list?.items.length === 0}>
        <summary>{t(focalPoint ? 'delegation.nominate' : 'participants.nominate')}</summary>
        {focalPoint ? (
          <NominateForm
            roundId={roundId}
            delegations={delegations}
            onAdded={people.reload}
            forDelegation
            roles={DELEGATION_ROLES}
            submitLabel={t('delegation.submit')}
          />
        ) : (
          <NominateForm roundId={roundId} delegations={delegations} onAdded={people.reload} />
        )}
      </details>
    </section>
  );
}
