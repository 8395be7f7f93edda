import { useState, type FormEvent } from 'react';
import type { Series } from '../../../domain/series.ts';
import { api } from '../../api/client.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextAreaField, TextField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';

const SHOWN = ['slug', 'title', 'trackLabel', 'description', 'kAnonymity', 'delegations'];

/** Creates a series with its delegations, or edits an existing one's text. */
export function SeriesForm({
  series,
  onSaved,
}: {
  series: Series | null;
  onSaved(series: Series): void;
}) {
  const { t } = useI18n();
  const submit = useSubmit();
  const [slug, setSlug] = useState(series?.slug ?? '');
  const [title, setTitle] = useState(series?.title ?? '');
  const [trackLabel, setTrackLabel] = useState(series?.trackLabel ?? '');
  const [description, setDescription] = useState(series?.description ?? '');
  const [kAnonymity, setKAnonymity] = useState(String(series?.kAnonymity ?? 5));
  const [delegations, setDelegations] = useState(['', '']);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await submit.run(() =>
      series
        ? api.patch<Series>(`/series/${series.id}`, {
            slug,
            title,
            trackLabel,
            description,
            kAnonymity: Number(kAnonymity),
          })
        : api.post<Series>('/series', {
            slug,
            title,
            trackLabel,
            description,
            kAnonymity: Number(kAnonymity),
            delegations: delegations.map((d) => d.trim()).filter(Boolean),
          }),
    );
    if (saved) onSaved(saved);
  };
  const f = submit.fields;
  const delegationError = Object.entries(f).find(([k]) => k.startsWith('delegations'))?.[1];

  return (
    <form onSubmit={save} noValidate className="form">
      <Problem error={submit.error} shownFields={SHOWN} />
      <TextField
        label={t('series.title')}
        required
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        error={f.title}
      />
      <TextField
        label={t('series.slug')}
        hint={t('series.slugHint')}
        dir="ltr"
        required
        value={slug}
        onChange={(e) => setSlug(e.target.value)}
        error={f.slug}
      />
      <TextField
        label={t('series.trackLabel')}
        hint={t('series.trackLabelHint')}
        value={trackLabel}
        onChange={(e) => setTrackLabel(e.target.value)}
        error={f.trackLabel}
      />
      <TextAreaField
        label={t('series.description')}
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={f.description}
      />
      <TextField
        label={t('series.kAnonymity')}
        hint={t('series.kAnonymityHint')}
        type="number"
        inputMode="numeric"
        min={3}
        max={50}
        dir="ltr"
        value={kAnonymity}
        onChange={(e) => setKAnonymity(e.target.value)}
        error={f.kAnonymity}
      />
      {!series && (
        <fieldset>
          <legend>{t('series.delegations')}</legend>
          <p className="field__hint">{t('series.delegationsHint')}</p>
          {delegations.map((d, i) => (
            <TextField
              key={i}
              label={t('series.delegationN', { n: i + 1 })}
              value={d}
              onChange={(e) =>
                setDelegations(delegations.map((x, j) => (j === i ? e.target.value : x)))
              }
            />
          ))}
          {delegationError && (
            <p className="field__error" role="alert">
              {delegationError}
            </p>
          )}
          <button type="button" onClick={() => setDelegations([...delegations, ''])}>
            {t('series.addDelegation')}
          </button>
        </fieldset>
      )}
      <button type="submit" className="button--primary" disabled={submit.busy}>
        {series ? t('common.save') : t('series.create')}
      </button>
    </form>
  );
}
