import { useState, type FormEvent } from 'react';
import { STATEMENT_KINDS, type StatementKind } from '../../../domain/enums.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SelectField, TextAreaField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';

const SHOWN = ['kind', 'text', 'translation', 'language'];

/** Puts a statement forward; it waits for the moderators before anyone votes on it. */
export function SubmitStatement({
  sessionId,
  onSubmitted,
}: {
  sessionId: string;
  onSubmitted?(): void;
}) {
  const { t, lang } = useI18n();
  const submit = useSubmit();
  const [kind, setKind] = useState<StatementKind>('idea');
  const [text, setText] = useState('');
  const [translation, setTranslation] = useState('');
  const [sent, setSent] = useState(false);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    if (
      await submit.run(() =>
        api.post(`/sessions/${sessionId}/statements`, { kind, text, translation, language: lang }),
      )
    ) {
      setText('');
      setTranslation('');
      setSent(true);
      onSubmitted?.();
    }
  };
  const f = submit.fields;
  return (
    <form onSubmit={send} noValidate className="form">
      <Problem error={submit.error} shownFields={SHOWN} />
      <SelectField
        label={t('submit.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as StatementKind)}
        error={f.kind}
        options={STATEMENT_KINDS.map((k) => ({ value: k, label: t(`statementKind.${k}`) }))}
      />
      <TextAreaField
        label={t('submit.text')}
        hint={t('submit.hint')}
        rows={3}
        maxLength={1000}
        required
        value={text}
        onChange={(e) => setText(e.target.value)}
        error={f.text}
      />
      <TextAreaField
        label={t('submit.translation')}
        rows={2}
        maxLength={1000}
        value={translation}
        onChange={(e) => setTranslation(e.target.value)}
        error={f.translation}
      />
      <button type="submit" className="button--primary" disabled={submit.busy}>
        {t('submit.send')}
      </button>
      <p role="status" className="save-status save-status--saved">
        {sent ? t('submit.sent') : ''}
      </p>
    </form>
  );
}
