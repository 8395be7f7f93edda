import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { InvitationStatus } from '../../domain/accounts.ts';
import { setSessionCookie } from '../auth/session-cookie.ts';
import type { Deps } from '../deps.ts';
import { HttpError, type FieldError } from '../http/errors.ts';
import { acceptInvitation } from '../services/invitations-accept.service.ts';
import {
  grantInWords,
  INVITATION_EXPIRED,
  INVITATION_UNKNOWN,
  INVITATION_USED,
  invitationStatus,
} from '../services/invitations.service.ts';
import { html, htmlDocument, type SafeHtml } from './html.ts';
import { FORM_TOKEN_FIELD, invitationFormToken, isOwnFormPost } from './invitation-form-guard.ts';

const STYLE = html`<style>
body { font-family: system-ui, sans-serif; line-height: 1.5; margin: 0; padding: 2rem 1rem; color: #1a1a1a; background: #fafafa; }
main { max-width: 34rem; margin: 0 auto; background: #fff; padding: 1.5rem 2rem; border: 1px solid #ddd; border-radius: 6px; }
label { display: block; font-weight: 600; margin-top: 1rem; }
input { font: inherit; width: 100%; box-sizing: border-box; padding: .5rem; border: 1px solid #767676; border-radius: 4px; }
input[readonly] { background: #f0f0f0; }
.hint { margin: .25rem 0 0; color: #555; font-size: .9rem; }
.error { color: #a00000; margin: .25rem 0 0; }
.errors { border: 2px solid #a00000; padding: .5rem 1rem; margin: 1rem 0; }
button { font: inherit; margin-top: 1.5rem; padding: .6rem 1.2rem; background: #124e8c; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
button:focus-visible, input:focus-visible, a:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
</style>`;

interface FormState {
  displayName: string;
  errors: FieldError[];
  message?: string;
}

const page = (title: string, body: SafeHtml) =>
  htmlDocument({ title: `${title} · Parley`, head: STYLE, body: html`<main>${body}</main>` });

function send(reply: FastifyReply, status: number, body: string) {
  // The token is in the URL: never cache these pages, never leak them in a Referer.
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(body);
}

const UNUSABLE: Record<
  'expired' | 'used' | 'unknown',
  { status: number; title: string; text: string }
> = {
  expired: { status: 410, title: 'This invitation has expired', text: INVITATION_EXPIRED },
  used: { status: 410, title: 'This invitation has been used', text: INVITATION_USED },
  unknown: { status: 404, title: 'Invitation not found', text: INVITATION_UNKNOWN },
};

function unusablePage(reply: FastifyReply, state: 'expired' | 'used' | 'unknown') {
  const { status, title, text } = UNUSABLE[state];
  return send(
    reply,
    status,
    page(
      title,
      html`<h1>${title}</h1><p>${text}</p><p><a href="/">Go to the Parley home page</a></p>`,
    ),
  );
}

function fieldError(errors: FieldError[], name: string) {
  return errors.find((e) => e.field === `body.${name}`)?.message;
}

/** One labelled input, with its hint and error tied to it for screen readers. */
function field(o: {
  name: string;
  label: string;
  type: string;
  autocomplete: string;
  value?: string;
  hint?: string;
  minlength?: number;
  error?: string;
}) {
  const describedBy = [o.hint && `${o.name}-hint`, o.error && `${o.name}-error`]
    .filter(Boolean)
    .join(' ');
  return html`<label for="${o.name}">${o.label}</label>
<input id="${o.name}" name="${o.name}" type="${o.type}" autocomplete="${o.autocomplete}" required maxlength="200"${o.minlength ? html` minlength="${o.minlength}"` : ''}${o.value !== undefined ? html` value="${o.value}"` : ''}${describedBy ? html` aria-describedby="${describedBy}"` : ''}${o.error ? html` aria-invalid="true"` : ''}>
${o.hint && html`<p class="hint" id="${o.name}-hint">${o.hint}</p>`}
${o.error && html`<p class="error" id="${o.name}-error">${o.error}</p>`}`;
}

/** The acceptance form: a name and a new password, or the existing account's password. */
export function renderInvitationForm(
  token: string,
  status: InvitationStatus,
  form: FormState,
  csrfToken: string | null,
  formToken: string,
): string {
  const grant = status.grant!;
  const words = grantInWords(grant);
  const expires = `${status.expiresAt!.slice(0, 16).replace('T', ' ')} UTC`;
  const summary = form.message ?? (form.errors.length ? 'Please check the form.' : null);
  return page(
    `Invitation to the ${grant.seriesTitle}`,
    html`<h1>Invitation to the ${grant.seriesTitle}</h1>
<p>You are invited to ${words.round ? html`<strong>${words.round}</strong>` : 'the series'} as <strong>${words.role}</strong>.</p>
<p>This invitation is for ${status.email} and expires on ${expires}.</p>
${summary && html`<div class="errors" role="alert"><p>${summary}</p></div>`}
<form method="post" action="/invitations/${token}">
<input type="hidden" name="${FORM_TOKEN_FIELD}" value="${formToken}">
${csrfToken && html`<input type="hidden" name="_csrf" value="${csrfToken}">`}
<label for="email">Email</label>
<input id="email" type="email" value="${status.email}" autocomplete="username" readonly>
${
  status.accountExists
    ? html`<p class="hint">You already have an account with this email: enter its password to accept.</p>
${field({ name: 'password', label: 'Your password', type: 'password', autocomplete: 'current-password', error: fieldError(form.errors, 'password') })}`
    : html`${field({ name: 'displayName', label: 'Your name', type: 'text', autocomplete: 'name', value: form.displayName, error: fieldError(form.errors, 'displayName') })}
${field({ name: 'password', label: 'Choose a password', type: 'password', autocomplete: 'new-password', minlength: 10, hint: 'At least 10 characters.', error: fieldError(form.errors, 'password') })}`
}
<button type="submit">Accept the invitation</button>
</form>`,
  );
}

const TokenParams = (request: FastifyRequest) =>
  String((request.params as { token?: unknown }).token ?? '').slice(0, 200);

/** The server-rendered acceptance pages at /invitations/{token}: they work without JavaScript. */
export function invitationPages(app: FastifyInstance, deps: Deps) {
  app.get('/invitations/:token', async (request, reply) => {
    const token = TokenParams(request);
    const status = await invitationStatus(deps, token);
    if (status.state !== 'valid') return unusablePage(reply, status.state);
    return send(
      reply,
      200,
      renderInvitationForm(
        token,
        status,
        { displayName: '', errors: [] },
        request.actor.csrfToken,
        invitationFormToken(deps, request, reply),
      ),
    );
  });

  app.post(
    '/invitations/:token',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const token = TokenParams(request);
      if (!isOwnFormPost(deps, request)) {
        return send(
          reply,
          403,
          page(
            'Not accepted',
            html`<h1>Not accepted</h1><p>This form must be sent from Parley itself. Please open your invitation link again.</p>`,
          ),
        );
      }
      const body = (request.body ?? {}) as Record<string, unknown>;
      const displayName =
        typeof body.displayName === 'string' ? body.displayName.trim().slice(0, 200) : '';
      const password = typeof body.password === 'string' ? body.password.slice(0, 200) : '';
      try {
        if (!password)
          throw new HttpError(400, 'Bad Request', 'Please check the form.', [
            { field: 'body.password', message: 'Enter a password.' },
          ]);
        const { secret, expires } = await acceptInvitation(deps, { token, displayName, password });
        setSessionCookie(reply, deps, secret, expires);
        return send(
          reply,
          200,
          page(
            'Welcome',
            html`<h1>Welcome to Parley</h1><p>Your invitation is accepted and you are signed in.</p><p><a href="/app/">Continue to Parley</a></p>`,
          ),
        );
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        const status = await invitationStatus(deps, token);
        if (status.state !== 'valid') return unusablePage(reply, status.state);
        return send(
          reply,
          error.status,
          renderInvitationForm(
            token,
            status,
            { displayName, errors: error.errors ?? [], message: error.detail },
            request.actor.csrfToken,
            invitationFormToken(deps, request, reply),
          ),
        );
      }
    },
  );
}
