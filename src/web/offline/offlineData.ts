import { DATA_CACHE_PREFIX, dataCacheName, keptOffline } from './names.ts';

/** Where the last signed-in account's id is kept, to find its data when /me cannot be asked. */
export const LAST_USER_KEY = 'parley.user';
/** Queued votes are stored under `parley.votes.<userId>.<sessionId>` (see useVoteQueue). */
export const VOTES_KEY_PREFIX = 'parley.votes.';
export const voteQueueKey = (userId: string, sessionId: string) =>
  `${VOTES_KEY_PREFIX}${userId}.${sessionId}`;

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface OfflineDataOptions {
  /** The browser's Cache Storage, or null where there is none (plain http off localhost). */
  caches: CacheStorage | null;
  storage: Store;
}

/**
 * A signed-in participant's data, kept so a reload on a dead network still shows their agenda
 * and voting page. What is kept is exactly what the server sent to this person (their own
 * answers, nothing else), under a cache named by their account, and only for the reads that
 * keptOffline() lists. It is all deleted when they sign out, when the server says nobody is
 * signed in any more, and when another account signs in on the same browser: the next person
 * never finds the last one's data or queued votes.
 *
 * Answers that arrive before the page knows who is signed in wait for that (the first /me
 * answer of the page), so nothing is filed under the wrong person.
 */
export function createOfflineData(options: OfflineDataOptions) {
  const { caches, storage } = options;
  let settleUser!: (userId: string | null) => void;
  let signedIn = new Promise<string | null>((resolve) => (settleUser = resolve));
  let known = false;

  const lastUser = () => {
    try {
      return storage.getItem(LAST_USER_KEY);
    } catch {
      return null;
    }
  };

  function removeStoredVotes(keep: string | null) {
    try {
      const doomed: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (
          key?.startsWith(VOTES_KEY_PREFIX) &&
          !(keep && key.startsWith(`${VOTES_KEY_PREFIX}${keep}.`))
        )
          doomed.push(key);
      }
      for (const key of doomed) storage.removeItem(key);
    } catch {
      // storage disabled: nothing was kept
    }
  }

  async function removeCaches(keep: string | null) {
    if (!caches) return;
    const names = await caches.keys();
    await Promise.all(
      names
        .filter((n) => n.startsWith(DATA_CACHE_PREFIX) && n !== (keep && dataCacheName(keep)))
        .map((n) => caches.delete(n)),
    );
  }

  /** Everyone's kept data and queued votes but `keep`'s (nobody's when null). */
  async function forgetAllBut(keep: string | null) {
    removeStoredVotes(keep);
    try {
      if (keep) storage.setItem(LAST_USER_KEY, keep);
      else storage.removeItem(LAST_USER_KEY);
    } catch {
      // storage disabled
    }
    await removeCaches(keep);
  }

  return {
    /**
     * Who the server says is signed in (from /me or a sign-in answer): another account's data
     * goes at once, and answers waiting for this are filed under this account.
     */
    async signedInAs(userId: string | null) {
      if (userId !== lastUser() || !userId) await forgetAllBut(userId);
      if (known) signedIn = Promise.resolve(userId);
      else settleUser(userId);
      known = true;
    },

    /** Signing out: nothing of anyone stays in this browser. */
    async signedOut() {
      signedIn = Promise.resolve(null);
      known = true;
      await forgetAllBut(null);
    },

    /** Keeps a read's answer (JSON text) for whoever turns out to have asked, if it is kept. */
    async remember(path: string, body: string) {
      if (!caches || !keptOffline(path)) return;
      const userId = await signedIn;
      if (!userId || userId !== lastUser()) return;
      const cache = await caches.open(dataCacheName(userId));
      await cache.put(
        `/api/v1${path}`,
        new Response(body, { headers: { 'content-type': 'application/json' } }),
      );
    },

    /** Changes a kept answer (a vote saved since it was read), for the last signed-in account. */
    async amend(path: string, change: (body: string) => string) {
      const userId = lastUser();
      if (!caches || !userId || !keptOffline(path)) return;
      if (!(await caches.has(dataCacheName(userId)))) return;
      const cache = await caches.open(dataCacheName(userId));
      const hit = await cache.match(`/api/v1${path}`);
      if (!hit) return;
      await cache.put(
        `/api/v1${path}`,
        new Response(change(await hit.text()), { headers: { 'content-type': 'application/json' } }),
      );
    },

    /** The last answer to a read kept for the last signed-in account, when the network is gone. */
    async recall(path: string): Promise<string | undefined> {
      const userId = lastUser();
      if (!caches || !userId || !keptOffline(path)) return undefined;
      if (!(await caches.has(dataCacheName(userId)))) return undefined;
      const cache = await caches.open(dataCacheName(userId));
      const hit = await cache.match(`/api/v1${path}`);
      return hit ? hit.text() : undefined;
    },
  };
}

export type OfflineData = ReturnType<typeof createOfflineData>;

/** A Storage in memory, where the page has none (tests in Node). */
export function memoryStorage(): Store {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

/** The browser's instance. */
export const offlineData: OfflineData = createOfflineData({
  caches: typeof globalThis.caches === 'undefined' ? null : globalThis.caches,
  storage: typeof window === 'undefined' ? memoryStorage() : window.localStorage,
});
