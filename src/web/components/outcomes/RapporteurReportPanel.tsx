import { useState } from 'react';
import { api } from '../../api/client.ts';
import {
  getOrNull,
  type RapporteurReportView,
  type ReviewCommentView,
} from '../../api/outcomes.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { TextAreaField, TextField } from '../Field.tsx';
import { Loading } from '../Loading.tsx';
import { Problem } from '../Problem.tsx';
import { History } from './OutcomeItemCard.tsx';
import { Markdown } from './Markdown.tsx';
import { VersionedEditor } from './VersionedEditor.tsx';

interface Can {
  write: boolean;
  organise: boolean;
}

/** The rapporteur's report: drafting, the private review window, approval and publication. */
export function RapporteurReportPanel({ roundId, can }: { roundId: string; can: Can }) {
  const { t, dateTime } = useI18n();
  const base = `/rounds/${roundId}/rapporteur-report`;
  const data = useResource(() => getOrNull<RapporteurReportView>(base), roundId);
  const submit = useSubmit();
  const [reviewEnds, setReviewEnds] = useState('');
  if (data.loading && data.data === undefined) return <Loading />;
  if (data.data === undefined) return <Problem error={data.error} />;
  // Not drafted yet: an empty draft at version 0, the base of the first one.
  const r: RapporteurReportView = data.data ?? {
    roundId,
    body: '',
    version: 0,
    status: 'draft',
    reviewEndsAt: null,
    approvedAt: null,
    publishedAt: null,
    updatedAt: '',
  };
  const act = (path: string, body?: unknown) =>
    submit.run(async () => {
      await api.post(`${base}/${path}`, body);
      data.reload();
    });
  return (
    <section aria-labelledby="rreport-heading">
      <h2 id="rreport-heading">{t('outcomes.rreport.title')}</h2>
      <p>
        <span className="tag">{t(`outcomes.rreport.status.${r.status}`)}</span>
        {r.reviewEndsAt && (
          <> · {t('outcomes.rreport.reviewEnds', { time: dateTime(r.reviewEndsAt) })}</>
        )}
        {r.publishedAt && (
          <> · {t('outcomes.rreport.published', { time: dateTime(r.publishedAt) })}</>
        )}
      </p>
      {can.write && r.status !== 'approved_for_publication' ? (
        <VersionedEditor
          key={r.version}
          label={t('outcomes.rreport.body')}
          text={r}
          save={(baseVersion, { body }) => api.put(base, { baseVersion, body })}
          onSaved={data.reload}
        />
      ) : r.body ? (
        <Markdown source={r.body} />
      ) : (
        <p className="muted">{t('outcomes.rreport.empty')}</p>
      )}
      {can.write && r.status === 'draft' && r.version > 0 && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void act('review', {
              reviewEndsAt: reviewEnds ? new Date(reviewEnds).toISOString() : '',
            });
          }}
        >
          <TextField
            type="datetime-local"
            label={t('outcomes.rreport.reviewUntil')}
            value={reviewEnds}
            onChange={(e) => setReviewEnds(e.target.value)}
            required
            error={submit.fields.reviewEndsAt}
          />
          <button type="submit" disabled={submit.busy}>
            {t('outcomes.rreport.openReview')}
          </button>
        </form>
      )}
      {can.organise && r.status === 'in_review' && (
        <p className="actions">
          <button type="button" onClick={() => act('approval')} disabled={submit.busy}>
            {t('outcomes.rreport.approve')}
          </button>
        </p>
      )}
      {can.organise && r.status === 'approved_for_publication' && !r.publishedAt && (
        <p className="actions">
          <button type="button" onClick={() => act('publication')} disabled={submit.busy}>
            {t('outcomes.rreport.publish')}
          </button>
        </p>
      )}
      <Problem error={submit.error} shownFields={['reviewEndsAt']} />
      {r.status !== 'draft' && <ReviewComments base={base} open={r.status === 'in_review'} />}
      {(can.write || can.organise) && r.version > 0 && (
        <details className="disclosure">
          <summary>{t('outcomes.history.title')}</summary>
          <History path={`${base}/revisions`} version={r.version} />
        </details>
      )}
    </section>
  );
}

/** Private review comments: each participant sees only their own; rapporteurs and organisers all. */
function ReviewComments({ base, open }: { base: string; open: boolean }) {
  const { t, dateTime } = useI18n();
  const comments = useResource(
    () => api.get<{ items: ReviewCommentView[] }>(`${base}/comments`),
    base,
  );
  const [body, setBody] = useState('');
  const submit = useSubmit();
  const send = (event: React.FormEvent) => {
    event.preventDefault();
    void submit.run(async () => {
      await api.post(`${base}/comments`, { body });
      setBody('');
      comments.reload();
    });
  };
  return (
    <section aria-labelledby="review-heading">
      <h3 id="review-heading">{t('outcomes.review.title')}</h3>
      <p className="muted">{t('outcomes.review.private')}</p>
      <ul className="comments">
        {comments.data?.items.map((c) => (
          <li key={c.id} className="card">
            <p className="muted">
              {c.mine ? t('outcomes.review.yours') : <bdi>{c.author?.name ?? ''}</bdi>} ·{' '}
              {dateTime(c.at)}
            </p>
            <p dir="auto" className="pre">
              {c.body}
            </p>
          </li>
        ))}
      </ul>
      {open && (
        <form className="form" onSubmit={send}>
          <TextAreaField
            label={t('outcomes.review.comment')}
            value={body}
            rows={3}
            onChange={(e) => setBody(e.target.value)}
            required
            error={submit.fields.body}
          />
          <Problem error={submit.error} shownFields={['body']} />
          <p className="actions">
            <button type="submit" disabled={submit.busy}>
              {t('outcomes.review.send')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
