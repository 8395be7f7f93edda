import type { BrowserContext } from 'playwright-core';

/** Signs a browser context in with an existing session cookie (no login form, no login rate limit). */
export async function useSessionCookie(context: BrowserContext, baseUrl: string, cookie: string) {
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}
