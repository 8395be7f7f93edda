import { useState } from 'react';
import type { Page } from '../../../domain/common.ts';
import type { CommentStatus } from '../../../domain/reports.ts';
import { api } from '../../api/client.ts';
import type { PublicCommentView } from '../../api/outcomes.ts';
import { useResource } from '../../api/useResource.ts';
import { useSubmit } from '../../api/useSubmit.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { SelectField } from '../Field.tsx';
import { Problem } from '../Problem.tsx';

const STATUSES: CommentStatus[] = ['pending', 'approved', 'rejected'];

/** Moderation of the public's comments: held ones first; replies shown under the comment they answer. */
export function PublicComments({ reportId }: { reportId: string }) {
  const { t, dateTime } = useI18n();
  const [status, setStatus] = useState<CommentStatus>('pending');
  const list = useResource(
    () =>
      api.get<Page<PublicCommentView>>(`/reports/${reportId}/comments?status=${status}&limit=200`),
    `${reportId}:${status}`,
  );
  // Approved comments give the context of a reply: the comment it answers.
  const approved = useResource(
    () =>
      api.get<Page<PublicCommentView>>(`/reports/${reportId}/comments?status=approved&limit=200`),
    `${reportId}:approved:${list.data?.items.length ?? 0}`,
  );
  const submit = useSubmit();
  const moderate = (id: string, decision: 'approve' | 'reject') =>
    submit.run(async () => {
      await api.post(`/comments/${id}/moderation`, { decision });
      list.reload();
    });
  const byId = new Map((approved.data?.items ?? []).map((c) => [c.id, c]));
  const items = list.data?.items ?? [];
  const topLevel = items.filter((c) => !c.parentId || !items.some((p) => p.id === c.parentId));
  const repliesTo = (id: string) => items.filter((c) => c.parentId === id);

  const render = (c: PublicCommentView, reply = false) => (
    <li key={c.id} className={`card comment${reply ? ' comment--reply' : ''}`}>
      <p className="muted">
        <bdi>{c.name}</bdi>
        {c.email && (
          <>
            {' '}
            · <bdi>{c.email}</bdi>
          </>
        )}{' '}
        · {dateTime(c.createdAt)}
      </p>
      {c.parentId && !reply && byId.get(c.parentId) && (
        <p className="muted">
          {t('outcomes.comments.replyTo', { name: byId.get(c.parentId)!.name })}
        </p>
      )}
      <p dir="auto" className="pre">
        {c.text}
      </p>
      {c.status === 'pending' && (
        <p className="actions">
          <button
            type="button"
            onClick={() => moderate(c.id, 'approve')}
            disabled={submit.busy}
            aria-label={t('outcomes.comments.approveFrom', { name: c.name })}
          >
            {t('outcomes.comments.approve')}
          </button>
          <button
            type="button"
            className="button--danger"
            onClick={() => moderate(c.id, 'reject')}
            disabled={submit.busy}
            aria-label={t('outcomes.comments.rejectFrom', { name: c.name })}
          >
            {t('outcomes.comments.reject')}
          </button>
        </p>
      )}
      {repliesTo(c.id).length > 0 && (
        <ul className="comments">{repliesTo(c.id).map((r) => render(r, true))}</ul>
      )}
    </li>
  );
  return (
    <section aria-labelledby="comments-heading">
      <h3 id="comments-heading">{t('outcomes.comments.title')}</h3>
      <SelectField
        label={t('outcomes.comments.show')}
        value={status}
        onChange={(e) => setStatus(e.target.value as CommentStatus)}
        options={STATUSES.map((s) => ({ value: s, label: t(`outcomes.comments.status.${s}`) }))}
      />
      {list.data && items.length === 0 && <p className="muted">{t('outcomes.comments.none')}</p>}
      <ul className="comments">{topLevel.map((c) => render(c))}</ul>
      <Problem error={submit.error ?? list.error} />
    </section>
  );
}
