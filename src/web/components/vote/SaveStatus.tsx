import type { VoteQueueState } from '../../api/voteQueue.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** "Saved", "Saving…" or "3 votes waiting for the connection": announced politely to screen readers. */
export function SaveStatus({
  state,
  lastStatementId,
}: {
  state: VoteQueueState;
  lastStatementId: string | null;
}) {
  const { t } = useI18n();
  let text = '';
  let tone = 'idle';
  if (state.pending.length > 0 && state.waiting) {
    text = t('vote.queued', { count: state.pending.length });
    tone = 'waiting';
  } else if (state.pending.length > 0) {
    text = t('vote.saving');
    tone = 'saving';
  } else if (lastStatementId && state.saved.has(lastStatementId)) {
    text = t('vote.saved');
    tone = 'saved';
  }
  return (
    <div className="save-status-area">
      <p className={`save-status save-status--${tone}`} role="status" aria-live="polite">
        {text}
      </p>
      {state.refused.map(({ vote, reason }) => (
        <p key={vote.clientVoteId} className="problem" role="alert">
          {t('vote.refused')} <bdi>{reason}</bdi>
        </p>
      ))}
    </div>
  );
}
