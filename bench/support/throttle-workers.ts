import type { Browser } from 'playwright-core';
import type { NetworkProfile } from '../network.bench.ts';

/**
 * Network.emulateNetworkConditions on a page does not slow the fetches its service worker makes
 * (they belong to the worker's own DevTools target), so a cached shell with network-first API
 * reads would look faster than a phone would see. This attaches to every service worker target
 * of the browser as it appears (the browser-level session allows only non-flat attachment) and
 * gives it the same conditions.
 */
export async function throttleServiceWorkers(browser: Browser) {
  const session = await browser.newBrowserCDPSession();
  const attached = new Set<string>();
  let profile: NetworkProfile | null = null;
  let id = 0;
  const emulate = (sessionId: string) =>
    profile &&
    session.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({
        id: ++id,
        method: 'Network.emulateNetworkConditions',
        params: {
          offline: false,
          latency: profile.latency,
          downloadThroughput: profile.downloadThroughput,
          uploadThroughput: profile.uploadThroughput,
        },
      }),
    });
  session.on('Target.targetCreated', ({ targetInfo }) => {
    if (targetInfo.type !== 'service_worker') return;
    void session
      .send('Target.attachToTarget', { targetId: targetInfo.targetId, flatten: false })
      .then(({ sessionId }) => {
        attached.add(sessionId);
        return emulate(sessionId);
      })
      .catch(() => {}); // the worker went away first
  });
  session.on('Target.detachedFromTarget', ({ sessionId }) => {
    if (sessionId) attached.delete(sessionId);
  });
  await session.send('Target.setDiscoverTargets', { discover: true });
  return {
    set(next: NetworkProfile) {
      profile = next;
      for (const sessionId of attached) void emulate(sessionId);
    },
    stop() {
      void session.detach().catch(() => {});
    },
  };
}
