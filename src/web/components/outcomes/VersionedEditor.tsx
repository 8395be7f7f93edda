import { useId, useState } from 'react';
import { conflictOf, type ConflictingVersion } from '../../api/outcomes.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextAreaField, TextField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';
import { Markdown } from './Markdown.tsx';

export interface VersionedText {
  version: number;
  title?: string;
  body: string;
}

interface Props {
  label: string;
  text: VersionedText;
  /** Show a title field too (outcome items). */
  withTitle?: boolean;
  readOnly?: boolean;
  save(baseVersion: number, edit: { title?: string; body: string }): Promise<unknown>;
  onSaved(): void;
}

/**
 * A Markdown text edited by several people at once. Every save names the version it started
 * from; when someone saved in between, the server answers 409 with their text, and both are
 * shown side by side: the writer keeps theirs, takes the other, or merges by hand, then saves
 * against the newer version. Nothing is ever overwritten without the writer seeing it.
 */
export function VersionedEditor({ label, text, withTitle, readOnly, save, onSaved }: Props) {
  const { t } = useI18n();
  const [title, setTitle] = useState(text.title ?? '');
  const [body, setBody] = useState(text.body);
  const [baseVersion, setBaseVersion] = useState(text.version);
  const [preview, setPreview] = useState(false);
  const [conflict, setConflict] = useState<ConflictingVersion | null>(null);
  const submit = useSubmit();
  const headingId = useId();

  const onSubmit = async (event: React.FormEvent) => {
    event.preventDefault();
    setConflict(null);
    await submit.run(async () => {
      try {
        await save(baseVersion, withTitle ? { title, body } : { body });
        onSaved();
      } catch (error) {
        const current = conflictOf(error);
        if (!current) throw error;
        setConflict(current);
      }
    });
  };
  const choose = (which: 'mine' | 'theirs') => {
    if (!conflict) return;
    if (which === 'theirs') {
      setBody(conflict.body);
      if (conflict.title !== undefined) setTitle(conflict.title);
    }
    setBaseVersion(conflict.version);
    setConflict(null);
  };

  return (
    <form className="form versioned" onSubmit={onSubmit}>
      <p className="muted">{t('outcomes.editor.version', { version: baseVersion })}</p>
      {withTitle && (
        <TextField
          label={t('outcomes.item.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          readOnly={readOnly}
          required
          maxLength={300}
          error={submit.fields.title}
        />
      )}
      <div className="actions" role="group" aria-label={t('outcomes.editor.mode')}>
        <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
          {t('outcomes.editor.write')}
        </button>
        <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
          {t('outcomes.editor.preview')}
        </button>
      </div>
      {preview ? (
        <div className="card" aria-label={t('outcomes.editor.preview')} role="region">
          <Markdown source={body} />
        </div>
      ) : (
        <TextAreaField
          label={label}
          value={body}
          rows={8}
          readOnly={readOnly}
          onChange={(e) => setBody(e.target.value)}
          hint={t('outcomes.editor.markdownHint')}
          error={submit.fields.body}
        />
      )}
      {conflict && (
        <section className="conflict" role="alert" aria-labelledby={headingId}>
          <h3 id={headingId}>{t('outcomes.conflict.title', { version: conflict.version })}</h3>
          <p>{t('outcomes.conflict.explain')}</p>
          <div className="conflict__sides">
            <div className="card">
              <h4>{t('outcomes.conflict.mine')}</h4>
              {withTitle && (
                <p>
                  <strong>
                    <bdi>{title}</bdi>
                  </strong>
                </p>
              )}
              <pre className="conflict__text" dir="auto">
                {body}
              </pre>
            </div>
            <div className="card">
              <h4>{t('outcomes.conflict.theirs', { version: conflict.version })}</h4>
              {conflict.title !== undefined && (
                <p>
                  <strong>
                    <bdi>{conflict.title}</bdi>
                  </strong>
                </p>
              )}
              <pre className="conflict__text" dir="auto">
                {conflict.body}
              </pre>
            </div>
          </div>
          <p className="actions">
            <button type="button" onClick={() => choose('mine')}>
              {t('outcomes.conflict.keepMine')}
            </button>
            <button type="button" onClick={() => choose('theirs')}>
              {t('outcomes.conflict.takeTheirs')}
            </button>
          </p>
          <p className="muted">{t('outcomes.conflict.mergeHint')}</p>
        </section>
      )}
      {!conflict && <Problem error={submit.error} shownFields={['title', 'body']} />}
      {!readOnly && (
        <p className="actions">
          <button
            type="submit"
            className="button--primary"
            disabled={submit.busy || conflict !== null}
          >
            {t('common.save')}
          </button>
        </p>
      )}
    </form>
  );
}
