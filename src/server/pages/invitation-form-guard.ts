import type { FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { newSecret } from '../ids.ts';

/**
 * Login CSRF: a form another site makes a victim's browser post could sign the victim into an
 * account the attacker was invited to. There is no session yet to carry a token, and the pages
 * are served with Referrer-Policy: no-referrer, so browsers post their form with `Origin: null`.
 * A post is the site's own when the browser says so (its Origin is this host, or Sec-Fetch-Site
 * is same-origin), or when it carries the form token that matches this browser's cookie
 * (double submit: another site can neither read the cookie nor set it, and a SameSite=Lax
 * cookie is not sent with its cross-site post). The token covers browsers without fetch metadata.
 */
export const FORM_TOKEN_FIELD = '_form';

/** `__Host-`: over HTTPS, not even a sibling subdomain can plant its own value. */
const cookieName = (deps: Deps) =>
  deps.config.secureCookies ? '__Host-parley_form' : 'parley_form';

const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

/** The form token for this browser: its cookie's value, or a new one set now. */
export function invitationFormToken(
  deps: Deps,
  request: FastifyRequest,
  reply: FastifyReply,
): string {
  const name = cookieName(deps);
  const existing = request.cookies[name];
  if (existing && WELL_FORMED.test(existing)) return existing;
  const token = newSecret();
  reply.setCookie(name, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.config.secureCookies,
    path: '/',
  });
  return token;
}

function formTokenMatches(deps: Deps, request: FastifyRequest): boolean {
  const cookie = request.cookies[cookieName(deps)];
  const sent = (request.body as Record<string, unknown> | undefined)?.[FORM_TOKEN_FIELD];
  if (!cookie || typeof sent !== 'string' || sent.length !== cookie.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(cookie));
}

/** Whether an invitation form post came from this site (see above); refuse it otherwise. */
export function isOwnFormPost(deps: Deps, request: FastifyRequest): boolean {
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return false;
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host === request.headers.host;
    } catch {
      return false;
    }
  }
  // Origin null (a no-referrer page) or absent: fetch metadata or the form token must vouch.
  return fetchSite === 'same-origin' || formTokenMatches(deps, request);
}
