import { useState } from 'react';
import type { Page } from '../../../domain/common.ts';
import type { OutcomeType } from '../../../domain/outcomes.ts';
import type { Session } from '../../../domain/rounds.ts';
import type { Statement } from '../../../domain/statements.ts';
import { api } from '../../api/client.ts';
import { OUTCOME_TYPES, type OutcomeItemView } from '../../api/outcomes.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SelectField, TextAreaField, TextField } from '../Field.tsx';
import { Loading } from '../Loading.tsx';
import { Problem } from '../Problem.tsx';
import { OutcomeItemCard } from './OutcomeItemCard.tsx';

/** The rapporteur's workbench: the round's outcome items by type, and a form for a new one. */
export function OutcomeItemsPanel({
  roundId,
  sessions,
  canWrite,
  canPublish,
}: {
  roundId: string;
  sessions: Session[];
  canWrite: boolean;
  canPublish: boolean;
}) {
  const { t } = useI18n();
  const items = useResource(
    () => api.get<Page<OutcomeItemView>>(`/rounds/${roundId}/outcome-items?limit=200`),
    roundId,
  );
  if (items.loading && !items.data) return <Loading />;
  if (!items.data) return <Problem error={items.error} />;
  const byType = (type: OutcomeType) => items.data!.items.filter((i) => i.type === type);
  return (
    <section aria-labelledby="items-heading">
      <h2 id="items-heading">{t('outcomes.items.title')}</h2>
      {items.data.items.length === 0 && <p>{t('outcomes.items.empty')}</p>}
      {OUTCOME_TYPES.filter((type) => byType(type).length > 0).map((type) => (
        <section key={type} aria-labelledby={`type-${type}`}>
          <h3 id={`type-${type}`}>{t(`outcomes.type.${type}`)}</h3>
          {byType(type).map((item) => (
            <OutcomeItemCard
              key={`${item.id}:${item.version}:${item.evidence.length}:${item.visibility}`}
              item={item}
              canWrite={canWrite}
              canPublish={canPublish}
              onChanged={items.reload}
            />
          ))}
        </section>
      ))}
      {canWrite && (
        <details className="disclosure">
          <summary>{t('outcomes.item.new')}</summary>
          <NewItemForm roundId={roundId} sessions={sessions} onCreated={items.reload} />
        </details>
      )}
    </section>
  );
}

function NewItemForm({
  roundId,
  sessions,
  onCreated,
}: {
  roundId: string;
  sessions: Session[];
  onCreated(): void;
}) {
  const { t } = useI18n();
  const usable = sessions.filter((s) => s.attributionRule !== 'off_record');
  const [sessionId, setSessionId] = useState(usable[0]?.id ?? '');
  const [type, setType] = useState<OutcomeType>('area_of_convergence');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [statementIds, setStatementIds] = useState<string[]>([]);
  const statements = useResource(
    () =>
      sessionId
        ? api.get<Page<Statement>>(`/sessions/${sessionId}/statements?status=approved&limit=200`)
        : Promise.resolve(null),
    sessionId,
  );
  const submit = useSubmit();
  const create = (event: React.FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await api.post(`/rounds/${roundId}/outcome-items`, {
        sessionId,
        type,
        title,
        body,
        statementIds,
      });
      setTitle('');
      setBody('');
      setStatementIds([]);
      onCreated();
    });
  };
  const toggle = (id: string, on: boolean) =>
    setStatementIds((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));
  return (
    <form className="form" onSubmit={create}>
      <SelectField
        label={t('outcomes.item.session')}
        value={sessionId}
        onChange={(e) => {
          setSessionId(e.target.value);
          setStatementIds([]);
        }}
        options={usable.map((s) => ({ value: s.id, label: s.title }))}
        error={submit.fields.sessionId}
      />
      <SelectField
        label={t('outcomes.item.type')}
        value={type}
        onChange={(e) => setType(e.target.value as OutcomeType)}
        options={OUTCOME_TYPES.map((v) => ({ value: v, label: t(`outcomes.type.${v}`) }))}
      />
      <TextField
        label={t('outcomes.item.title')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required
        maxLength={300}
        error={submit.fields.title}
      />
      <TextAreaField
        label={t('outcomes.item.body')}
        value={body}
        rows={5}
        onChange={(e) => setBody(e.target.value)}
        hint={t('outcomes.editor.markdownHint')}
        error={submit.fields.body}
      />
      <fieldset>
        <legend>{t('outcomes.evidence.title')}</legend>
        {(statements.data?.items.length ?? 0) === 0 && (
          <p className="muted">{t('outcomes.evidence.noStatements')}</p>
        )}
        {statements.data?.items.map((s) => (
          <label key={s.id} className="checkbox">
            <input
              type="checkbox"
              checked={statementIds.includes(s.id)}
              onChange={(e) => toggle(s.id, e.target.checked)}
            />{' '}
            <bdi>{s.text}</bdi>
          </label>
        ))}
      </fieldset>
      <Problem error={submit.error} shownFields={['sessionId', 'title', 'body']} />
      <p className="actions">
        <button type="submit" className="button--primary" disabled={submit.busy || !sessionId}>
          {t('outcomes.item.create')}
        </button>
      </p>
    </form>
  );
}
