import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Opens an invitation link exactly as issued (no rewriting), accepts it on the server's form
 * with a new account, and checks the browser lands in the web app signed in as that person.
 * Returns the headers the browser sent with the form post.
 */
export async function acceptInvitationLink(
  page: Page,
  link: string,
  person: { name: string; password: string },
  open: () => Promise<unknown> = () => page.goto(link),
): Promise<Record<string, string>> {
  await open();
  expect(page.url()).toBe(link);
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Choose a password').fill(person.password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === link),
    page.getByRole('button', { name: 'Accept the invitation' }).click(),
  ]);
  const heading = /<h1>(.*?)<\/h1>/s.exec(await response.text())?.[1];
  expect(response.status(), `the form post answered: ${heading}`).toBe(200);
  await page.getByRole('heading', { level: 1, name: 'Welcome to Parley' }).waitFor();
  await page.getByRole('link', { name: 'Continue to Parley' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(await page.locator('.who').textContent()).toBe(person.name);
  return response.request().allHeaders();
}
