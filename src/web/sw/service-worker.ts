/**
 * Parley's service worker, built by src/web/build/service-worker-plugin.ts into /app/sw.js
 * with the build's shell list and version compiled in. Hand-written rather than Workbox: it
 * does four small things, each of which has to be exactly right for confidentiality and for
 * upgrades, and a reader can check them here in one file:
 *
 * 1. The shell (index.html and the participant's JavaScript and CSS) is cached per build at
 *    install, so a reload on a dead network still starts the app. No personal data is cached
 *    here: the participant's own data is kept by the page itself, per account, in
 *    offlineData.ts, which knows who is signed in and forgets it at sign-out.
 * 2. Pages are network first: online, every visit gets the server's current index.html, so a
 *    new version is used at the first visit after an upgrade (never a stuck old version); the
 *    cached shell answers only when the network fails or stays silent for NETWORK_WAIT_MS.
 * 3. Hashed assets never change: from the cache, else the network (and then cached).
 * 4. Opening a page starts the API reads its first screen makes (firstScreenReads) in parallel
 *    with the page itself, and hands each answer to the page's own request for it, once,
 *    within a few seconds: on a slow network the page does not wait for its script to run
 *    before asking. These answers are held in memory only, never stored.
 */
import { firstScreenReads, SHELL_CACHE_PREFIX } from '../offline/names.ts';

// Filled in at build time.
declare const PARLEY_SHELL: string[];
declare const PARLEY_VERSION: string;

/** What the worker's global scope offers beyond a window's (lib "webworker" conflicts with "dom"). */
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  readonly preloadResponse: Promise<Response | undefined>;
  respondWith(response: Promise<Response> | Response): void;
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
const worker = self as unknown as WorkerScope;

const SHELL_CACHE = `${SHELL_CACHE_PREFIX}${PARLEY_VERSION}`;
/** The URL the shell's index.html is kept under (the server answers it for every app path). */
const SHELL_PAGE = '/app/';
/** How long a page waits for the network before the cached shell answers instead. */
const NETWORK_WAIT_MS = 4000;
/** How long a read started at navigation waits for the page to ask for it. */
const HELD_MS = 10_000;

worker.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL_CACHE);
      // The page itself is fetched afresh; hashed assets may come from the HTTP cache.
      await cache.addAll(
        PARLEY_SHELL.map(
          (url) => new Request(url, url === SHELL_PAGE ? { cache: 'no-cache' } : {}),
        ),
      );
      // Take over at once: pages are network first, so an open old page keeps working.
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((n) => n.startsWith(SHELL_CACHE_PREFIX) && n !== SHELL_CACHE)
          .map((n) => caches.delete(n)),
      );
      // The browser starts a page's request while this worker boots.
      await worker.registration.navigationPreload?.enable();
      await worker.clients.claim();
    })(),
  );
});

/** Reads started at navigation, by URL, until the page asks for them or they expire. */
const held = new Map<string, Promise<Response>>();

function holdFirstScreenReads(pagePath: string) {
  for (const path of firstScreenReads(pagePath)) {
    const url = new URL(`/api/v1${path}`, self.location.origin).href;
    const answer = fetch(url, { headers: { accept: 'application/json' } });
    answer.catch(() => {}); // the page's own request will fail the same way and say so
    held.set(url, answer);
    setTimeout(() => held.get(url) === answer && held.delete(url), HELD_MS);
  }
}

async function page(event: FetchEvent): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const network = (async () => {
    const response = (await event.preloadResponse) ?? (await fetch(event.request));
    if (response.ok && response.headers.get('content-type')?.startsWith('text/html'))
      event.waitUntil(cache.put(SHELL_PAGE, response.clone()));
    return response;
  })();
  const silence = new Promise<undefined>((resolve) =>
    setTimeout(() => resolve(undefined), NETWORK_WAIT_MS),
  );
  const first = await Promise.race([network.catch(() => undefined), silence]);
  if (first) return first;
  const shell = await cache.match(SHELL_PAGE, { ignoreVary: true });
  return shell ?? network;
}

async function asset(request: Request): Promise<Response> {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request, { ignoreVary: true });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

worker.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.startsWith('/app/')) {
    holdFirstScreenReads(url.pathname);
    event.respondWith(page(event));
  } else if (url.pathname.startsWith('/app/assets/')) {
    event.respondWith(asset(request));
  } else if (held.has(request.url)) {
    const answer = held.get(request.url)!;
    held.delete(request.url);
    event.respondWith(answer.catch(() => fetch(request)));
  }
  // Everything else (the API, live streams, the public site) goes to the network as usual.
});
