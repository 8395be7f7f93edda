import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildOutcomesRoom,
  everyoneVotes,
  seed,
  storeAnalysis,
  type OutcomesRoom,
} from '../test/server/outcomes.fixture.ts';
import { launchBrowser, type TestBrowser } from './support/browser.ts';
import { startApp, type RunningApp } from './support/server.ts';

const CONVERGENCE = 'Both sides want a standing channel for water data';
const RECOMMENDATION = 'Set up a joint working group on flood warnings';

// Browser tests run on SQLite only: see e2e/support/server.ts.
describe('from a closed session’s statements to a published, commented report and its PDF', () => {
  let app: RunningApp;
  let chrome: TestBrowser;
  let room: OutcomesRoom;
  let pagePath = '';
  let roundNumber = 0;
  beforeAll(async () => {
    app = await startApp();
    chrome = await launchBrowser();
    room = await buildOutcomesRoom(app);
  });
  afterAll(async () => {
    await chrome?.close();
    await app?.close();
  });

  it('turns a statement of a closed session into an approved outcome item and an agreed recommendation', async () => {
    const organiser = room.organiser;
    const statementId = await seed(room, room.sessionId, 'Water data should be shared every week.');
    await everyoneVotes(room, room.sessionId, statementId, 1, 1);
    expect(
      (await organiser.request('POST', `/api/v1/sessions/${room.sessionId}/close`)).statusCode,
    ).toBe(200);
    await storeAnalysis(app, room.sessionId);

    const item = await organiser.request('POST', `/api/v1/rounds/${room.roundId}/outcome-items`, {
      sessionId: room.sessionId,
      type: 'area_of_convergence',
      title: CONVERGENCE,
      statementIds: [statementId],
    });
    expect(item.statusCode, item.body).toBe(201);
    expect(
      (
        await organiser.request('POST', `/api/v1/outcome-items/${item.json().id}/visibility`, {
          visibility: 'public',
        })
      ).statusCode,
    ).toBe(200);
    const recommendation = (
      await organiser.request('POST', `/api/v1/rounds/${room.roundId}/recommendations`, {
        title: RECOMMENDATION,
        originSessionId: room.sessionId,
      })
    ).json();
    const agreed = await organiser.request(
      'POST',
      `/api/v1/recommendations/${recommendation.id}/status`,
      { status: 'agreed', on: '2026-04-06', evidence: { text: 'Agreed in the closing session.' } },
    );
    expect(agreed.statusCode, agreed.body).toBe(201);

    const composed = (
      await organiser.request('POST', `/api/v1/rounds/${room.roundId}/report/compose`)
    ).json();
    await organiser.request('POST', `/api/v1/reports/${composed.id}/approve`, {
      version: composed.version,
    });
    expect(
      (await organiser.request('POST', `/api/v1/reports/${composed.id}/publish`, {})).statusCode,
    ).toBe(201);
    const series = (await organiser.request('GET', `/api/v1/series/${room.seriesId}`)).json();
    const round = (await organiser.request('GET', `/api/v1/rounds/${room.roundId}`)).json();
    roundNumber = round.number;
    pagePath = `/series/${series.slug}/rounds/${round.number}`;
  });

  it('shows the outcomes on the public page, takes a comment and shows it once approved', async () => {
    const { page } = await chrome.newPage(1280);
    await page.goto(`${app.baseUrl}${pagePath}`);
    await page.getByRole('heading', { name: 'Areas of convergence' }).waitFor();
    expect(await page.locator('#section-convergence + ul li').textContent()).toBe(CONVERGENCE);
    expect(await page.locator('#section-recommendations + ul li').textContent()).toBe(
      `R${roundNumber}.1 ${RECOMMENDATION}`,
    );

    await page.getByLabel('Name').fill('Walk Reader');
    await page.getByLabel('Comment', { exact: true }).fill('Weekly water data would help.');
    await page.getByRole('button', { name: 'Send comment' }).click();
    expect(await page.getByRole('status').textContent()).toContain('held for moderation');

    const report = (
      await room.organiser.request('GET', `/api/v1/rounds/${room.roundId}/report`)
    ).json();
    const [held] = (
      await room.organiser.request('GET', `/api/v1/reports/${report.id}/comments?status=pending`)
    ).json().items;
    await room.organiser.request('POST', `/api/v1/comments/${held.id}/moderation`, {
      decision: 'approve',
    });
    await page.goto(`${app.baseUrl}${pagePath}`);
    expect(await page.locator('.comment .text').textContent()).toBe(
      'Weekly water data would help.',
    );

    await page.getByRole('link', { name: 'Download this report as PDF' }).waitFor();
    const pdf = await (
      await page.request.get(`${app.baseUrl}${pagePath}/report.pdf?lang=en`)
    ).body();
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const file = join(mkdtempSync(join(tmpdir(), 'parley-walk-')), 'report.pdf');
      writeFileSync(file, pdf);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(
        /\s+/g,
        ' ',
      );
      expect(text).toContain(CONVERGENCE);
      expect(text).not.toContain('Weekly water data would help.');
    }
  });
});
