import { useState } from 'react';
import type { ReportLanguage, ReportText } from '../../../domain/reports.ts';
import { ApiError, api } from '../../api/client.ts';
import { getOrNull, type PublicReportView } from '../../api/outcomes.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SelectField, TextAreaField, TextField } from '../Field.tsx';
import { Loading } from '../Loading.tsx';
import { Problem } from '../Problem.tsx';
import { PublicComments } from './PublicComments.tsx';

/** Organisers: compose the public report from the data, edit it, approve, publish (with a correction note), moderate comments. */
export function PublicReportPanel({ roundId }: { roundId: string }) {
  const { t } = useI18n();
  const data = useResource(() => getOrNull<PublicReportView>(`/rounds/${roundId}/report`), roundId);
  const submit = useSubmit();
  if (data.loading && data.data === undefined) return <Loading />;
  if (data.data === undefined) return <Problem error={data.error} />;
  const report = data.data;
  const compose = () =>
    submit.run(async () => {
      await api.post(`/rounds/${roundId}/report/compose`, {});
      data.reload();
    });
  return (
    <section aria-labelledby="public-heading">
      <h2 id="public-heading">{t('outcomes.public.title')}</h2>
      {report ? (
        <ReportEditor key={report.version} report={report} onChanged={data.reload} />
      ) : (
        <p>{t('outcomes.public.none')}</p>
      )}
      <p className="actions">
        <button type="button" onClick={compose} disabled={submit.busy}>
          {report ? t('outcomes.public.recompose') : t('outcomes.public.compose')}
        </button>
      </p>
      {report && <p className="muted">{t('outcomes.public.recomposeHint')}</p>}
      <Problem error={submit.error} />
      {report && report.publishedVersion > 0 && <PublicComments reportId={report.id} />}
    </section>
  );
}

function ReportEditor({ report, onChanged }: { report: PublicReportView; onChanged(): void }) {
  const { t, dateTime } = useI18n();
  const [lang, setLang] = useState<ReportLanguage>('en');
  const [texts, setTexts] = useState(report.text);
  const [note, setNote] = useState('');
  const save = useSubmit();
  const act = useSubmit();
  const text = texts[lang];
  const change = (next: ReportText) => setTexts((all) => ({ ...all, [lang]: next }));
  const dirty = JSON.stringify(texts) !== JSON.stringify(report.text);
  // Someone else saved first (409 on baseVersion); any other refusal (a quotation) is shown as it is.
  const stale =
    save.error instanceof ApiError &&
    save.error.status === 409 &&
    'baseVersion' in save.error.fieldErrors;
  const nextVersion = report.publishedVersion + 1;
  const onSave = (event: React.FormEvent) => {
    event.preventDefault();
    void save.run(async () => {
      await api.patch(`/reports/${report.id}`, {
        baseVersion: report.version,
        en: texts.en,
        ur: texts.ur,
      });
      onChanged();
    });
  };
  const approve = () =>
    act.run(async () => {
      await api.post(`/reports/${report.id}/approve`, { version: report.version });
      onChanged();
    });
  const publish = () =>
    act.run(async () => {
      await api.post(
        `/reports/${report.id}/publish`,
        nextVersion > 1 ? { correctionNote: note } : {},
      );
      onChanged();
    });
  return (
    <>
      <p>
        <span className="tag">{t(`outcomes.public.status.${report.status}`)}</span>{' '}
        {t('outcomes.editor.version', { version: report.version })}
        {report.publishedVersion > 0 && (
          <> · {t('outcomes.public.publishedVersion', { version: report.publishedVersion })}</>
        )}
        {report.approvedAt && (
          <> · {t('outcomes.public.approvedAt', { time: dateTime(report.approvedAt) })}</>
        )}
      </p>
      <form className="form" onSubmit={onSave}>
        <SelectField
          label={t('outcomes.public.language')}
          value={lang}
          onChange={(e) => setLang(e.target.value as ReportLanguage)}
          options={[
            { value: 'en', label: 'English' },
            { value: 'ur', label: 'اردو' },
          ]}
        />
        <div lang={lang} dir={lang === 'ur' ? 'rtl' : 'ltr'}>
          <TextField
            label={t('outcomes.public.headline')}
            value={text.headline}
            onChange={(e) => change({ ...text, headline: e.target.value })}
            required
            maxLength={400}
            error={save.fields[`${lang}.headline`]}
          />
          {text.sections.map((s, i) => (
            <TextAreaField
              key={s.key}
              label={s.heading || t('outcomes.public.paragraph', { n: i + 1 })}
              value={s.markdown}
              rows={4}
              onChange={(e) =>
                change({
                  ...text,
                  sections: text.sections.map((x, j) =>
                    j === i ? { ...x, markdown: e.target.value } : x,
                  ),
                })
              }
              error={save.fields[`${lang}.sections.${i}.markdown`]}
            />
          ))}
        </div>
        {stale ? (
          <p className="problem" role="alert">
            {t('outcomes.public.stale')}
          </p>
        ) : (
          <Problem
            error={save.error}
            shownFields={[
              `${lang}.headline`,
              ...text.sections.map((_, i) => `${lang}.sections.${i}.markdown`),
            ]}
          />
        )}
        <p className="actions">
          <button type="submit" className="button--primary" disabled={save.busy || !dirty}>
            {t('outcomes.public.save')}
          </button>
          {stale && (
            <button type="button" onClick={onChanged}>
              {t('outcomes.public.loadNewer')}
            </button>
          )}
        </p>
      </form>
      <div className="actions">
        {report.status === 'draft' && (
          <button type="button" onClick={approve} disabled={act.busy || dirty}>
            {t('outcomes.public.approve', { version: report.version })}
          </button>
        )}
        {report.status === 'approved' && (
          <>
            {nextVersion > 1 && (
              <TextField
                label={t('outcomes.public.correctionNote')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                hint={t('outcomes.public.correctionHint', { version: nextVersion })}
                error={act.fields.correctionNote}
              />
            )}
            <button type="button" className="button--primary" onClick={publish} disabled={act.busy}>
              {t('outcomes.public.publish', { version: nextVersion })}
            </button>
          </>
        )}
      </div>
      <Problem error={act.error} shownFields={['correctionNote']} />
    </>
  );
}
