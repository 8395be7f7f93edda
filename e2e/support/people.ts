import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { createUser } from '../../src/server/services/accounts.service.ts';
import type { TestApp } from '../../test/support/app.ts';

export const PASSWORD = 'correct horse battery';

/** An account created as the CLI would (`parley user add`), for signing in through the browser. */
export async function makeUser(
  t: TestApp,
  email: string,
  options: { isAdmin?: boolean; displayName?: string } = {},
) {
  return createUser(t.deps, null, {
    email,
    displayName: options.displayName ?? email.split('@')[0],
    password: PASSWORD,
    isAdmin: options.isAdmin ?? false,
    personId: null,
  });
}

/** Signs in through the login form, as a person would. */
export async function signInThroughForm(
  page: Page,
  baseUrl: string,
  email: string,
  password = PASSWORD,
) {
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/app/');
}
