import { useState } from 'react';
import type { Page } from '../../../domain/common.ts';
import type { OutcomeVisibility } from '../../../domain/outcomes.ts';
import type { Statement } from '../../../domain/statements.ts';
import { api } from '../../api/client.ts';
import {
  OUTCOME_VISIBILITIES,
  type OutcomeItemView,
  type RevisionView,
} from '../../api/outcomes.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { Problem } from '../Problem.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { Markdown } from './Markdown.tsx';
import { VersionedEditor } from './VersionedEditor.tsx';

/** One outcome item: its text (editable, with conflicts shown), evidence, visibility and history. */
export function OutcomeItemCard({
  item,
  canWrite,
  canPublish,
  onChanged,
}: {
  item: OutcomeItemView;
  canWrite: boolean;
  canPublish: boolean;
  onChanged(): void;
}) {
  const { t, dateTime } = useI18n();
  const [editing, setEditing] = useState(false);
  const submit = useSubmit();
  const setVisibility = (visibility: OutcomeVisibility) =>
    submit.run(async () => {
      await api.post(`/outcome-items/${item.id}/visibility`, { visibility });
      onChanged();
    });
  const unlink = (statementId: string) =>
    submit.run(async () => {
      await api.delete(`/outcome-items/${item.id}/evidence/${statementId}`);
      onChanged();
    });

  return (
    <article className="card outcome-item" aria-labelledby={`item-${item.id}`}>
      <h4 id={`item-${item.id}`}>
        <bdi>{item.title}</bdi>
      </h4>
      <p className="muted">
        <span className="tag">{t(`outcomes.visibility.${item.visibility}`)}</span>{' '}
        {t('outcomes.editor.version', { version: item.version })} · {dateTime(item.updatedAt)}
      </p>
      {editing ? (
        <VersionedEditor
          key={item.version}
          label={t('outcomes.item.body')}
          withTitle
          text={item}
          save={(baseVersion, edit) =>
            api.patch(`/outcome-items/${item.id}`, { baseVersion, ...edit })
          }
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      ) : (
        <>
          <Markdown source={item.body} />
          {canWrite && (
            <p className="actions">
              <button type="button" onClick={() => setEditing(true)}>
                {t('outcomes.item.edit', { title: item.title })}
              </button>
            </p>
          )}
        </>
      )}
      <h5>{t('outcomes.evidence.title')}</h5>
      <EvidenceList evidence={item.evidence} onUnlink={canWrite ? unlink : undefined} />
      {canWrite && <EvidencePicker item={item} onLinked={onChanged} />}
      {canWrite && (
        <div className="actions" role="group" aria-label={t('outcomes.visibility.label')}>
          {OUTCOME_VISIBILITIES.filter(
            (v) => v !== item.visibility && (v !== 'public' || canPublish),
          ).map((v) => (
            <button key={v} type="button" onClick={() => setVisibility(v)} disabled={submit.busy}>
              {t(`outcomes.visibility.set.${v}`)}
            </button>
          ))}
        </div>
      )}
      <Problem error={submit.error} />
      {canWrite && (
        <details className="disclosure">
          <summary>{t('outcomes.history.title')}</summary>
          <History path={`/outcome-items/${item.id}/revisions`} version={item.version} />
        </details>
      )}
    </article>
  );
}

function EvidencePicker({ item, onLinked }: { item: OutcomeItemView; onLinked(): void }) {
  const { t } = useI18n();
  const statements = useResource(
    () =>
      api.get<Page<Statement>>(`/sessions/${item.sessionId}/statements?status=approved&limit=200`),
    item.sessionId,
  );
  const [chosen, setChosen] = useState('');
  const submit = useSubmit();
  const linked = new Set(item.evidence.map((e) => e.statementId));
  const options = statements.data?.items.filter((s) => !linked.has(s.id)) ?? [];
  if (options.length === 0) return null;
  const link = (event: React.FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    void submit.run(async () => {
      await api.post(`/outcome-items/${item.id}/evidence`, { statementIds: [chosen] });
      setChosen('');
      onLinked();
    });
  };
  return (
    <form className="inline-form" onSubmit={link}>
      <label>
        {t('outcomes.evidence.add')}{' '}
        <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
          <option value="">{t('outcomes.evidence.choose')}</option>
          {options.map((s) => (
            <option key={s.id} value={s.id}>
              {s.text.slice(0, 120)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={!chosen || submit.busy}>
        {t('outcomes.evidence.link')}
      </button>
      <Problem error={submit.error} />
    </form>
  );
}

/** Every saved version, newest first. */
export function History({ path, version }: { path: string; version: number }) {
  const { t, dateTime } = useI18n();
  const revisions = useResource(
    () => api.get<{ items: RevisionView[] }>(path),
    `${path}@${version}`,
  );
  if (!revisions.data) return <Problem error={revisions.error} />;
  const items = [...revisions.data.items].sort((a, b) => b.version - a.version);
  return (
    <ol className="history">
      {items.map((r) => (
        <li key={r.version}>
          <p>
            <strong>{t('outcomes.editor.version', { version: r.version })}</strong> ·{' '}
            {dateTime(r.at)}
            {r.title && (
              <>
                {' '}
                · <bdi>{r.title}</bdi>
              </>
            )}
          </p>
          <pre className="conflict__text" dir="auto">
            {r.body}
          </pre>
        </li>
      ))}
    </ol>
  );
}
