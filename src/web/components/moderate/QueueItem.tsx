import { useState, type FormEvent } from 'react';
import type { ModerationInput, Statement } from '../../../domain/statements.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SelectField, TextField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';
import { StatementText } from '../vote/StatementText.tsx';

type Mode = 'idle' | 'reject' | 'merge';

/** One pending statement: approve it, reject it with a reason, or merge it into an approved duplicate. */
export function QueueItem({
  statement,
  approved,
  onDone,
}: {
  statement: Statement;
  approved: Statement[];
  onDone(): void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [mode, setMode] = useState<Mode>('idle');
  const [reason, setReason] = useState('');
  const [intoId, setIntoId] = useState(approved[0]?.id ?? '');
  const short = statement.text.slice(0, 50);

  const moderate = async (input: ModerationInput, event?: FormEvent) => {
    event?.preventDefault();
    if (await submit.run(() => api.post(`/statements/${statement.id}/moderation`, input))) onDone();
  };

  return (
    <li className="card">
      <StatementText statement={statement} />
      <div className="actions">
        <button
          type="button"
          className="button--primary"
          disabled={submit.busy}
          onClick={() => moderate({ action: 'approve' })}
          aria-label={`${t('moderate.approve')}: ${short}`}
        >
          {t('moderate.approve')}
        </button>
        <button
          type="button"
          aria-expanded={mode === 'reject'}
          onClick={() => setMode(mode === 'reject' ? 'idle' : 'reject')}
          aria-label={`${t('moderate.reject')}: ${short}`}
        >
          {t('moderate.reject')}
        </button>
        {approved.length > 0 && (
          <button
            type="button"
            aria-expanded={mode === 'merge'}
            onClick={() => setMode(mode === 'merge' ? 'idle' : 'merge')}
            aria-label={`${t('moderate.merge')}: ${short}`}
          >
            {t('moderate.merge')}
          </button>
        )}
      </div>
      {mode === 'reject' && (
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => moderate({ action: 'reject', reason }, e)}
        >
          <TextField
            label={t('moderate.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={submit.fields.reason}
          />
          <button type="submit" className="button--danger" disabled={submit.busy}>
            {t('moderate.confirmReject')}
          </button>
        </form>
      )}
      {mode === 'merge' && (
        <form
          className="inline-form"
          noValidate
          onSubmit={(e) => moderate({ action: 'merge', intoId }, e)}
        >
          <SelectField
            label={t('moderate.mergeInto')}
            value={intoId}
            onChange={(e) => setIntoId(e.target.value)}
            error={submit.fields.intoId}
            options={approved.map((a) => ({
              value: a.id,
              label: a.text.length > 80 ? `${a.text.slice(0, 80)}…` : a.text,
            }))}
          />
          <button type="submit" disabled={submit.busy}>
            {t('moderate.confirmMerge')}
          </button>
        </form>
      )}
      <Problem error={submit.error} shownFields={['reason', 'intoId']} />
    </li>
  );
}
