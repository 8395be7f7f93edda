import type { ReportLanguage } from '../../domain/reports.ts';
import type { FieldError } from '../http/errors.ts';
import type { CommentThread } from '../services/comments.service.ts';
import { html, type SafeHtml } from './html.ts';
import { formatDate, WORDS } from './report.i18n.ts';

/** What the comment form shows again after a refused post, and the notice after an accepted one. */
export interface CommentFormState {
  values?: { name?: string; email?: string; text?: string };
  errors?: FieldError[];
  message?: string;
  held?: boolean;
  replyTo?: string;
}

const errorOf = (state: CommentFormState, name: string) =>
  state.errors?.find((e) => e.field === `body.${name}`)?.message;

/** Approved comments (escaped text, never an email) with one level of replies, then the form. */
export function renderComments(o: {
  threads: CommentThread[];
  lang: ReportLanguage;
  /** The venue's zone, whose date a comment is dated by. */
  zone: string;
  action: string;
  pagePath: string;
  csrfToken: string | null;
  state: CommentFormState;
}): SafeHtml {
  const w = WORDS[o.lang];
  const { state } = o;
  const replyTarget = state.replyTo
    ? o.threads.find((t) => t.id === state.replyTo || t.replies.some((r) => r.id === state.replyTo))
    : undefined;
  const langParam = o.lang === 'ur' ? 'lang=ur&' : '';
  const one = (
    c: { id: string; name: string; text: string; createdAt: string },
    replyable: boolean,
  ) => html`<div class="comment" id="comment-${c.id}">
    <p class="who"><span dir="auto">${c.name}</span> · <time datetime="${c.createdAt}">${formatDate(c.createdAt, o.lang, o.zone)}</time></p>
    <p class="text" dir="auto">${c.text}</p>
    ${replyable && html`<p><a href="${o.pagePath}?${langParam}replyTo=${c.id}#leave-comment">${w.replyTo(c.name)}</a></p>`}
  </div>`;
  const field = (name: string, label: string, input: SafeHtml, hint?: string) => {
    const error = errorOf(state, name);
    return html`<label for="comment-${name}">${label}</label>${input}${hint && html`<p class="hint" id="comment-${name}-hint">${hint}</p>`}${error && html`<p class="error" id="comment-${name}-error">${error}</p>`}`;
  };
  const described = (name: string, hint?: boolean) =>
    [hint && `comment-${name}-hint`, errorOf(state, name) && `comment-${name}-error`]
      .filter(Boolean)
      .join(' ');
  const attrs = (name: string, hint?: boolean) => {
    const ids = described(name, hint);
    return html`${ids ? html` aria-describedby="${ids}"` : ''}${errorOf(state, name) ? html` aria-invalid="true"` : ''}`;
  };
  const summary = state.message ?? (state.errors?.length ? w.checkForm : null);
  return html`<section id="comments" aria-labelledby="comments-heading" class="panel">
  <h2 id="comments-heading">${w.comments}</h2>
  ${state.held && html`<p class="notice" role="status">${w.held}</p>`}
  ${
    o.threads.length
      ? o.threads.map(
          (t) =>
            html`${one(t, true)}${t.replies.length > 0 && html`<div class="replies">${t.replies.map((r) => one(r, true))}</div>`}`,
        )
      : html`<p>${w.noComments}</p>`
  }
  <h2 id="leave-comment">${w.leaveComment}</h2>
  ${summary && html`<div class="errors" role="alert"><p>${summary}</p></div>`}
  <form method="post" action="${o.action}" novalidate>
    ${o.csrfToken && html`<input type="hidden" name="_csrf" value="${o.csrfToken}">`}
    ${replyTarget && html`<input type="hidden" name="parentId" value="${state.replyTo!}"><p>${w.replyingTo(replyTarget.name)} <a href="${o.pagePath}${o.lang === 'ur' ? '?lang=ur' : ''}#leave-comment">${w.cancelReply}</a></p>`}
    ${field('name', w.name, html`<input id="comment-name" name="name" type="text" autocomplete="name" required maxlength="120" value="${state.values?.name ?? ''}"${attrs('name')}>`)}
    ${field('email', w.email, html`<input id="comment-email" name="email" type="email" autocomplete="email" maxlength="200" value="${state.values?.email ?? ''}"${attrs('email')}>`)}
    ${field('text', w.text, html`<textarea id="comment-text" name="text" required maxlength="4000"${attrs('text', true)}>${state.values?.text ?? ''}</textarea>`, w.textHint)}
    <div class="trap" aria-hidden="true"><label for="comment-website">${w.honeypot}</label><input id="comment-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>
    <button type="submit">${w.send}</button>
  </form>
</section>`;
}
