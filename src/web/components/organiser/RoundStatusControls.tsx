import type { Round } from '../../../domain/rounds.ts';
import { ROUND_TRANSITIONS } from '../../../domain/transitions.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Problem } from '../Problem.tsx';

/** Where the round stands (planned, in session, concluded, report published) and the moves allowed from there. */
export function RoundStatusControls({ round, onChanged }: { round: Round; onChanged(): void }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const move = async (status: Round['status']) => {
    if (await submit.run(() => api.patch(`/rounds/${round.id}`, { status }))) onChanged();
  };
  return (
    <div className="actions">
      <p>
        {t('round.status')} <span className="badge">{t(`roundStatus.${round.status}`)}</span>
      </p>
      {ROUND_TRANSITIONS[round.status].map((next) => (
        <button key={next} type="button" disabled={submit.busy} onClick={() => move(next)}>
          {t('round.moveTo', { status: t(`roundStatus.${next}`) })}
        </button>
      ))}
      <Problem error={submit.error} />
    </div>
  );
}
