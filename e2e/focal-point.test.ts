import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildParticipation,
  buildPerson,
  buildRound,
  buildSeries,
} from '../test/support/factories.ts';
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
describe('a delegation focal point nominates their side', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let page: Page;
  let roundId = '';
  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    const db = app.deps.db.kysely;
    const series = await buildSeries(db, { title: 'US-Pakistan Bilateral Dialogue' }, [
      'United States',
      'Pakistan',
    ]);
    const round = await buildRound(db, { series_id: series.id, number: 3, city: 'Washington, DC' });
    roundId = round.id;
    const focal = await makeUser(app, 'focal@example.org', { displayName: 'Fatima Focal' });
    await buildMember(db, {
      series_id: series.id,
      user_id: focal.id,
      role: 'focal_point',
      delegation_id: series.delegations[1].id,
    });
    // The other side's nominee, whom this focal point must never see.
    const other = await buildPerson(db, { full_name: 'Other Side Nominee' });
    await buildParticipation(db, {
      round_id: round.id,
      person_id: other.id,
      delegation_id: series.delegations[0].id,
      status: 'nominated',
    });
    page = (await chrome.newPage(1280)).page;
    await signInThroughForm(page, app.baseUrl, 'focal@example.org');
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('reaches the delegation page from the agenda, for their delegation only', async () => {
    await page.goto(`${app.baseUrl}/app/rounds/${roundId}`);
    await page.getByRole('link', { name: 'Nominate your delegation' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Your delegation in round 3: Washington, DC' })
      .waitFor();
    const delegation = page.getByLabel('Delegation');
    expect(await delegation.locator('option').allTextContents()).toEqual(['Pakistan']);
    const roles = await page.getByLabel('Role').locator('option').allTextContents();
    expect(roles).toContain('Delegate');
    expect(roles).not.toContain('Rapporteur');
    expect(await page.getByText('Other Side Nominee').count()).toBe(0);
  });

  it('nominates a person, who waits for the organisers, then withdraws and nominates again', async () => {
    await page.getByLabel('Full name').fill('Farah Fictional');
    await page.getByRole('button', { name: 'Nominate', exact: true }).click();
    const card = page.getByRole('listitem', { name: 'Farah Fictional' });
    await card.getByText('Nominated', { exact: true }).waitFor();
    // A focal point withdraws or nominates again; approving and inviting are the organisers'.
    expect(await card.getByRole('button', { name: /Approve/ }).count()).toBe(0);
    expect(await card.getByRole('button', { name: /Invite/ }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await screenshots(page, 'delegation-nominated');
    await card.getByRole('button', { name: 'Withdraw: Farah Fictional' }).click();
    await card.getByText('Withdrawn', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Nominate again: Farah Fictional' }).click();
    await card.getByText('Nominated', { exact: true }).waitFor();
    const stored = await app.deps.db.kysely
      .selectFrom('participations')
      .innerJoin('people', 'people.id', 'participations.person_id')
      .select(['participations.status', 'participations.role'])
      .where('people.full_name', '=', 'Farah Fictional')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'nominated', role: 'delegate' });
    expect(appErrors(page)).toEqual([]);
  });
});
