import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appErrors,
  launchBrowser,
  screenshots,
  seriousAxeViolations,
  type TestBrowser,
} from './support/browser.ts';
import { makeUser, signInThroughForm } from './support/people.ts';
import { startApp, type RunningApp } from './support/server.ts';

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('web app shell: serving, sign-in, languages', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let page: Page;
  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    await makeUser(app, 'admin@example.org', { isAdmin: true, displayName: 'Ayesha Admin' });
    page = (await chrome.newPage(1280)).page;
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('serves the app at /app/ and any deep link, but 404s a missing asset', async () => {
    const deep = await fetch(`${app.baseUrl}/app/rounds/some-id`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    expect((await fetch(`${app.baseUrl}/app/assets/nope.js`)).status).toBe(404);
    const bare = await fetch(`${app.baseUrl}/app`, { redirect: 'manual' });
    expect(bare.headers.get('location')).toBe('/app/');
  });

  it('shows a problem, not a crash, for a wrong password', async () => {
    await page.goto(`${app.baseUrl}/app/login`);
    await page.getByLabel('Email').fill('admin@example.org');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'login-error');
  });

  it('signs in and shows the home page, accessible', async () => {
    await signInThroughForm(page, app.baseUrl, 'admin@example.org');
    await expect.poll(() => page.locator('.who').textContent()).toBe('Ayesha Admin');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'home-en');
  });

  it('shows the organiser’s series list and a not-found page, both accessible', async () => {
    await page.goto(`${app.baseUrl}/app/series`);
    await page.getByRole('heading', { level: 1, name: 'Dialogue series' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.goto(`${app.baseUrl}/app/no/such/page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'not-found');
    await page.goto(`${app.baseUrl}/app/`);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
  });

  it('switches to Urdu: right to left, remembered across reloads', async () => {
    await page.getByRole('button', { name: 'اردو' }).click();
    expect(
      await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['ur', 'rtl']);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('پارلی');
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await expect.poll(() => page.getByRole('button', { name: 'سائن آؤٹ' }).count()).toBe(1);
    // The header's start is on the right in Urdu: the brand sits right of the account controls.
    const brand = await page.locator('.brand').boundingBox();
    const account = await page.locator('.site-header__account').boundingBox();
    expect(brand!.x).toBeGreaterThan(account!.x);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'home-ur');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  });

  it('works with the keyboard alone: skip link, sign-in form, visible focus', async () => {
    const { page: kb } = await chrome.newPage(360);
    await kb.goto(`${app.baseUrl}/app/login`);
    await kb.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await kb.keyboard.press('Tab');
    const focused = () =>
      kb.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const style = getComputedStyle(el);
        return {
          text: el.textContent?.trim() ?? '',
          label: (el as HTMLInputElement).labels?.[0]?.textContent ?? '',
          outline: style.outlineStyle,
          width: style.outlineWidth,
        };
      });
    const skip = await focused();
    expect(skip.text).toBe('Skip to content');
    expect(skip.outline).toBe('solid');
    // Tab through the header to the form, then sign in with Enter.
    for (let i = 0; i < 15 && (await focused()).label !== 'Email'; i++)
      await kb.keyboard.press('Tab');
    const email = await focused();
    expect(email.label).toBe('Email');
    expect(email.outline).toBe('solid');
    expect(parseFloat(email.width)).toBeGreaterThanOrEqual(2);
    await kb.keyboard.type('admin@example.org');
    await kb.keyboard.press('Tab');
    expect((await focused()).label).toBe('Password');
    await kb.keyboard.type('correct horse battery');
    await kb.keyboard.press('Enter');
    await kb.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(appErrors(kb)).toEqual([]);
  });

  it('ran without errors in the browser console', () => {
    // 401 from the wrong password is logged by Chromium as a failed resource: that one is expected.
    expect(appErrors(page).filter((e) => !e.includes('401'))).toEqual([]);
  });
});
