/**
 * `npm run bench:network`: a delegate's phone on a hotel's Wi-Fi. Headless Chromium
 * (playwright-core, /usr/bin/chromium) opens the voting page of an open session as a signed-in
 * participant under Chromium's network emulation (CDP Network.emulateNetworkConditions, applied
 * to the page and to the service worker alike), on two profiles:
 *   Slow 3G: 400 ms round trip, 400 kbit/s down, 400 kbit/s up
 *   Fast 3G: 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up
 * cold (a fresh browser profile: no cache, no service worker) and warm (the same profile coming
 * back to the page, service worker installed if the app has one). For each: the time from the
 * start of navigation to the first usable control (an enabled vote button on the current
 * statement, noted by a MutationObserver in the page), the bytes that crossed the network for
 * the whole load (counted on the wire by a TCP relay in front of the server: headers, bodies,
 * the service worker's fetches) and the longest chain of requests each waiting for the one
 * before (the waterfall) up to the first control. The server is `parley serve` in its own
 * process on 127.0.0.1 with a fresh SQLite database. Ends with one JSON line.
 */
import { cpus, loadavg } from 'node:os';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchBrowser, type TestBrowser } from '../e2e/support/browser.ts';
import { useSessionCookie } from '../e2e/support/session.ts';
import { createTestDatabase } from '../test/support/databases.ts';
import { startCountingProxy, type CountingProxy } from './support/counting-proxy.ts';
import { seedBenchRoom } from './support/room.ts';
import { startServerProcess } from './support/server.ts';
import { throttleServiceWorkers } from './support/throttle-workers.ts';

const RUNS = Number(process.env.RUNS ?? 3);
const STATEMENTS = 30;
const QUIET_MS = 1500;

export interface NetworkProfile {
  name: string;
  latency: number;
  downloadThroughput: number;
  uploadThroughput: number;
}

const kbit = (n: number) => (n * 1000) / 8;
const PROFILES: NetworkProfile[] = [
  { name: 'slow3g', latency: 400, downloadThroughput: kbit(400), uploadThroughput: kbit(400) },
  { name: 'fast3g', latency: 150, downloadThroughput: kbit(1600), uploadThroughput: kbit(750) },
];

/** A statement as delegates write them: a sentence or two. */
const statementText = (i: number) =>
  `Statement ${i + 1}: both governments should establish a standing channel between their ` +
  `ministries on ${['water data', 'visas', 'trade corridors', 'crisis hotlines', 'climate finance'][i % 5]}, ` +
  `meeting at least twice a year and reporting to parliament.`;

interface RequestTiming {
  url: string;
  start: number;
  end: number;
  bytes: number;
  fromServiceWorker: boolean;
}

interface Load {
  firstControlMs: number;
  bytesDown: number;
  bytesUp: number;
  requests: number;
  waterfallDepth: number;
  timeline: RequestTiming[];
}

/** Marks the first enabled vote button on the current statement: runs before any page script. */
const FIRST_CONTROL_PROBE = `(() => {
  const seen = () => {
    if (window.__firstControl) return;
    const button = document.querySelector('.vote-current .vote-buttons button:not([disabled])');
    if (button) window.__firstControl = performance.now();
  };
  new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** The longest chain of requests in which each starts only after the one before has ended. */
export function waterfallDepth(requests: Array<{ start: number; end: number }>): number {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  sorted.forEach((r, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (sorted[j].end <= r.start) before = Math.max(before, depth[j]);
    depth[i] = before + 1;
  });
  return Math.max(0, ...depth);
}

/** Request timings from the page's own DevTools session (milliseconds from navigation start). */
function recordTimeline(cdp: CDPSession) {
  const open = new Map<string, { url: string; start: number; fromServiceWorker: boolean }>();
  const done: Array<RequestTiming & { wall: number }> = [];
  let origin = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document' && !origin) origin = e.timestamp;
    open.set(e.requestId, { url: e.request.url, start: e.timestamp, fromServiceWorker: false });
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = open.get(e.requestId);
    if (r) r.fromServiceWorker = Boolean(e.response.fromServiceWorker);
  });
  const finish = (id: string, timestamp: number, bytes: number) => {
    const r = open.get(id);
    if (!r) return;
    open.delete(id);
    done.push({ ...r, end: timestamp, bytes, wall: timestamp });
  };
  cdp.on('Network.loadingFinished', (e) => finish(e.requestId, e.timestamp, e.encodedDataLength));
  cdp.on('Network.loadingFailed', (e) => finish(e.requestId, e.timestamp, 0));
  return {
    /** Requests finished so far, relative to the document's request. */
    finished: (): RequestTiming[] =>
      done.map((r) => ({
        url: r.url,
        start: Math.round((r.start - origin) * 1000),
        end: Math.round((r.end - origin) * 1000),
        bytes: r.bytes,
        fromServiceWorker: r.fromServiceWorker,
      })),
  };
}

async function untilQuiet(proxy: CountingProxy) {
  let last = proxy.counts().down;
  let still = 0;
  while (still < QUIET_MS) {
    await new Promise((r) => setTimeout(r, 250));
    const now = proxy.counts().down;
    still = now === last ? still + 250 : 0;
    last = now;
  }
}

async function emulate(cdp: CDPSession, profile: NetworkProfile) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.latency,
    downloadThroughput: profile.downloadThroughput,
    uploadThroughput: profile.uploadThroughput,
  });
}

/** One visit to the voting page in `context`, with everything the visit sends and receives. */
async function visit(
  context: BrowserContext,
  url: string,
  profile: NetworkProfile,
  proxy: CountingProxy,
): Promise<Load> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await emulate(cdp, profile);
  const timeline = recordTimeline(cdp);
  await page.addInitScript(FIRST_CONTROL_PROBE);
  proxy.reset();
  await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
  await page.waitForFunction(() => (window as { __firstControl?: number }).__firstControl, null, {
    timeout: 120_000,
    polling: 50,
  });
  const firstControlMs = await page.evaluate(
    () => (window as unknown as { __firstControl: number }).__firstControl,
  );
  const beforeControl = timeline.finished().filter((r) => r.end <= firstControlMs);
  await untilQuiet(proxy);
  const { down, up } = proxy.counts();
  const all = timeline.finished();
  await page.close();
  return {
    firstControlMs: Math.round(firstControlMs),
    bytesDown: down,
    bytesUp: up,
    requests: all.length,
    waterfallDepth: waterfallDepth(beforeControl.filter((r) => !r.fromServiceWorker)),
    timeline: all,
  };
}

/** Waits (up to 10 s) for a service worker to control the origin, if the app registers one. */
async function serviceWorkerReady(context: BrowserContext, url: string): Promise<boolean> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const ready = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        if (!('serviceWorker' in navigator)) return resolve(false);
        setTimeout(() => resolve(false), 10_000);
        void navigator.serviceWorker.getRegistration().then((r) => {
          if (!r) return resolve(false);
          void navigator.serviceWorker.ready.then(() => resolve(true));
        });
      }),
  );
  await page.close();
  return ready;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function summarise(loads: Load[]) {
  return {
    first_control_ms: median(loads.map((l) => l.firstControlMs)),
    first_control_ms_range: [
      Math.min(...loads.map((l) => l.firstControlMs)),
      Math.max(...loads.map((l) => l.firstControlMs)),
    ],
    bytes_down: median(loads.map((l) => l.bytesDown)),
    bytes_up: median(loads.map((l) => l.bytesUp)),
    requests: median(loads.map((l) => l.requests)),
    waterfall_depth: median(loads.map((l) => l.waterfallDepth)),
  };
}

function printTimeline(label: string, load: Load) {
  console.log(`  ${label}: requests (ms from navigation start, bytes on the page's side)`);
  for (const r of [...load.timeline].sort((a, b) => a.start - b.start)) {
    const path = new URL(r.url).pathname;
    const via = r.fromServiceWorker ? ' (service worker)' : '';
    console.log(
      `    ${String(r.start).padStart(6)} → ${String(r.end).padStart(6)}  ${String(r.bytes).padStart(7)}  ${path}${via}`,
    );
  }
}

async function main() {
  console.log(
    `network benchmark: ${cpus().length} cores, load average ${loadavg()[0].toFixed(2)}, ${RUNS} runs per case`,
  );
  const database = await createTestDatabase('sqlite');
  const room = await seedBenchRoom(database.db, {
    voters: 12,
    statements: STATEMENTS,
    preVoted: 4,
  });
  for (const [i, id] of room.statementIds.entries())
    await database.db.kysely
      .updateTable('statements')
      .set({ text: statementText(i) })
      .where('id', '=', id)
      .execute();
  const server = await startServerProcess(database.url);
  const proxy = await startCountingProxy(server.url);
  let chrome: TestBrowser | undefined;
  const figures: Record<string, ReturnType<typeof summarise>> = {};
  try {
    chrome = await launchBrowser();
    const workerThrottle = await throttleServiceWorkers(chrome.browser);
    const url = `${proxy.url}/app/sessions/${room.sessionId}/vote`;
    const cookie = room.voters[0].headers.cookie;
    for (const profile of PROFILES) {
      workerThrottle.set(profile);
      const cold: Load[] = [];
      const warm: Load[] = [];
      let serviceWorker = false;
      for (let run = 0; run < RUNS; run++) {
        const context = await chrome.browser.newContext({
          viewport: { width: 360, height: 780 },
          locale: 'en-GB',
        });
        await useSessionCookie(context, proxy.url, cookie);
        cold.push(await visit(context, url, profile, proxy));
        serviceWorker = await serviceWorkerReady(context, url);
        await untilQuiet(proxy);
        warm.push(await visit(context, url, profile, proxy));
        await context.close();
      }
      figures[`${profile.name}_cold`] = summarise(cold);
      figures[`${profile.name}_warm`] = summarise(warm);
      for (const [label, loads] of [
        ['cold', cold],
        ['warm', warm],
      ] as const) {
        const s = summarise(loads);
        console.log(
          `${profile.name} ${label.padEnd(4)}: first control ${s.first_control_ms} ms (${s.first_control_ms_range.join('–')}), ` +
            `${kb(s.bytes_down)} down, ${kb(s.bytes_up)} up, ${s.requests} requests, waterfall depth ${s.waterfall_depth}` +
            (label === 'warm' ? (serviceWorker ? ', service worker' : ', no service worker') : ''),
        );
      }
      printTimeline(`${profile.name} cold, last run`, cold.at(-1)!);
      printTimeline(`${profile.name} warm, last run`, warm.at(-1)!);
    }
    workerThrottle.stop();
  } finally {
    await chrome?.close();
    await proxy.close();
    await server.stop();
    await database.drop();
  }
  const goals = {
    slow3g_cold_ms: 3000,
    slow3g_warm_ms: 1000,
    first_load_bytes: 60 * 1024,
  };
  const met = {
    slow3g_cold: figures.slow3g_cold.first_control_ms <= goals.slow3g_cold_ms,
    slow3g_warm: figures.slow3g_warm.first_control_ms <= goals.slow3g_warm_ms,
    first_load_bytes: figures.slow3g_cold.bytes_down <= goals.first_load_bytes,
  };
  console.log(JSON.stringify({ bench: 'network', runs: RUNS, figures, goals, met }));
}

await main();
