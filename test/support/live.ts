import http from 'node:http';
import type { AnalysisSummary } from '../../src/domain/analysis.ts';
import type { LiveEvent } from '../../src/server/live/hub.ts';
import { openSession } from '../../src/server/services/accounts.service.ts';
import type { TestApp } from './app.ts';

/** Listens on a free port of 127.0.0.1 (SSE needs a real socket); returns the base URL. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return `http://127.0.0.1:${address.port}`;
}

/** The Cookie header of a fresh sign-in of an existing user (for raw HTTP clients). */
export async function cookieFor(t: TestApp, userId: string): Promise<string> {
  const { secret } = await openSession(t.deps, userId);
  return `parley_session=${secret}`;
}

/** Resolves with the next event of the type the hub pushes for the session that passes the test. */
export function nextLiveEvent(
  t: TestApp,
  sessionId: string,
  type: string,
  test: (data: unknown) => boolean = () => true,
  timeoutMs = 15_000,
): Promise<LiveEvent> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`no ${type} event within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = t.deps.live!.subscribe(sessionId, null, (event) => {
      if (event.type !== type || !test(JSON.parse(event.payload))) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(event);
    });
  });
}

/** The next `analysis` event (a release) that includes voteCount votes. */
export async function analysisWithVotes(
  t: TestApp,
  sessionId: string,
  voteCount: number,
): Promise<AnalysisSummary> {
  const event = await nextLiveEvent(
    t,
    sessionId,
    'analysis',
    (d) => (d as AnalysisSummary).counts.votes === voteCount,
  );
  return JSON.parse(event.payload) as AnalysisSummary;
}

/** Resolves when the promise does; rejects after timeoutMs, naming what did not happen. */
export function within<T>(promise: Promise<T>, what: string, timeoutMs = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} within ${timeoutMs} ms`)), timeoutMs);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error as Error);
      },
    );
  });
}

/** An event stream opened by a client that never reads it: `resume()` reads on to the end. */
export function openUnreadStream(
  url: string,
  cookie: string,
): Promise<{ status: number; resume(): void; closed: Promise<void>; destroy(): void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      url,
      { headers: { cookie, accept: 'text/event-stream' }, agent: false },
      (response) => {
        response.pause();
        const closed = new Promise<void>((r) => response.once('close', () => r()));
        response.on('error', () => {});
        resolve({
          status: response.statusCode ?? 0,
          resume: () => response.resume(),
          closed,
          destroy: () => request.destroy(),
        });
      },
    );
    request.on('error', reject);
  });
}
