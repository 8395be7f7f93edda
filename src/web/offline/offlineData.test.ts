import { describe, expect, it } from 'vitest';
import { withVote } from '../api/useVoteQueue.ts';
import { firstScreenReads, keptOffline, votingPaths } from './names.ts';
import {
  createOfflineData,
  LAST_USER_KEY,
  memoryStorage,
  voteQueueKey,
  type OfflineData,
} from './offlineData.ts';

/** Cache Storage in memory: enough of it for what offlineData does. */
function memoryCaches() {
  const stores = new Map<string, Map<string, string>>();
  const cacheFor = (name: string) => {
    const entries = stores.get(name)!;
    return {
      put: async (url: string, response: Response) => void entries.set(url, await response.text()),
      match: async (url: string) => {
        const body = entries.get(url);
        return body === undefined ? undefined : new Response(body);
      },
    };
  };
  const caches = {
    keys: async () => [...stores.keys()],
    has: async (name: string) => stores.has(name),
    delete: async (name: string) => stores.delete(name),
    open: async (name: string) => {
      if (!stores.has(name)) stores.set(name, new Map());
      return cacheFor(name);
    },
  };
  return { caches: caches as unknown as CacheStorage, stores };
}

function setUp() {
  const { caches, stores } = memoryCaches();
  const storage = memoryStorage();
  const data = createOfflineData({ caches, storage });
  return { caches, stores, storage, data };
}

const kept = (stores: Map<string, Map<string, string>>) =>
  Object.fromEntries([...stores].map(([name, entries]) => [name, [...entries.keys()]]));

async function visit(data: OfflineData, userId: string, body: string) {
  const waiting = data.remember('/sessions/s1/my-votes', body); // answered before /me
  await data.signedInAs(userId);
  await waiting;
}

describe('offline data of a signed-in participant', () => {
  it('keeps only the participant reads, filed under the account /me names', async () => {
    const { stores, data } = setUp();
    await visit(data, 'alice', '{"items":["alice-vote"]}');
    await data.remember('/sessions/s1/analysis', '{"secret":1}');
    await data.remember('/series?limit=200', '{}');
    expect(kept(stores)).toEqual({ 'parley-data-alice': ['/api/v1/sessions/s1/my-votes'] });
    expect(await data.recall('/sessions/s1/my-votes')).toBe('{"items":["alice-vote"]}');
    expect(await data.recall('/sessions/s1/analysis')).toBeUndefined();
  });

  it('keeps nothing for a visitor nobody signed in as', async () => {
    const { stores, data } = setUp();
    const waiting = data.remember('/me', '{"user":null}');
    await data.signedInAs(null);
    await waiting;
    expect(kept(stores)).toEqual({});
    expect(await data.recall('/me')).toBeUndefined();
  });

  it('forgets everything at sign-out, queued votes included', async () => {
    const { stores, storage, data } = setUp();
    await visit(data, 'alice', '{"items":[]}');
    storage.setItem(voteQueueKey('alice', 's1'), '[{"statementId":"x"}]');
    storage.setItem('parley.lang', 'ur');
    await data.signedOut();
    expect(kept(stores)).toEqual({});
    expect(storage.getItem(voteQueueKey('alice', 's1'))).toBeNull();
    expect(storage.getItem(LAST_USER_KEY)).toBeNull();
    expect(storage.getItem('parley.lang')).toBe('ur');
    expect(await data.recall('/sessions/s1/my-votes')).toBeUndefined();
  });

  it('gives the next account on the browser none of the last one’s data, even without a sign-out', async () => {
    const first = setUp();
    await visit(first.data, 'alice', '{"items":["alice-vote"]}');
    first.storage.setItem(voteQueueKey('alice', 's1'), '[{"statementId":"x"}]');
    // A new page (new instance, same browser storage) where bob is signed in now.
    const second = createOfflineData({ caches: first.caches, storage: first.storage });
    expect(await second.recall('/sessions/s1/my-votes')).toBe('{"items":["alice-vote"]}');
    await visit(second, 'bob', '{"items":["bob-vote"]}');
    expect(kept(first.stores)).toEqual({ 'parley-data-bob': ['/api/v1/sessions/s1/my-votes'] });
    expect(first.storage.getItem(voteQueueKey('alice', 's1'))).toBeNull();
    expect(await second.recall('/sessions/s1/my-votes')).toBe('{"items":["bob-vote"]}');
  });

  it('files nothing under an account after it signed out in the same page', async () => {
    const { stores, data } = setUp();
    await visit(data, 'alice', '{}');
    await data.signedOut();
    await data.remember('/sessions/s1/my-votes', '{"late":true}');
    expect(kept(stores)).toEqual({});
  });

  it('amends a kept answer with a vote saved since, for the same account only', async () => {
    const { data } = setUp();
    await visit(data, 'alice', '{"items":[{"statementId":"a","value":1}]}');
    const vote = { clientVoteId: 'c2', statementId: 'b', value: -1 as const };
    await data.amend('/sessions/s1/my-votes', (body) => withVote(body, vote));
    const items = JSON.parse((await data.recall('/sessions/s1/my-votes'))!).items;
    expect(
      items.map((v: { statementId: string; value: number }) => [v.statementId, v.value]),
    ).toEqual([
      ['a', 1],
      ['b', -1],
    ]);
    await data.signedOut();
    await data.amend('/sessions/s1/my-votes', () => '{"items":[]}');
    expect(await data.recall('/sessions/s1/my-votes')).toBeUndefined();
  });

  it('works without Cache Storage (plain http off localhost): nothing kept, nothing recalled', async () => {
    const data = createOfflineData({ caches: null, storage: memoryStorage() });
    await visit(data, 'alice', '{}');
    expect(await data.recall('/sessions/s1/my-votes')).toBeUndefined();
  });
});

describe('the reads a participant’s first screen makes', () => {
  it('names the voting page’s reads the way the page asks for them, all kept offline', () => {
    const reads = firstScreenReads('/app/sessions/abc/vote');
    expect(reads).toEqual(['/me', ...Object.values(votingPaths('abc'))]);
    expect(reads.every(keptOffline)).toBe(true);
    expect(firstScreenReads('/app/series')).toEqual(['/me']);
    expect(keptOffline('/sessions/abc/events')).toBe(false);
    expect(keptOffline('/sessions/abc/analysis')).toBe(false);
    expect(keptOffline('/rounds/r1/outcomes')).toBe(false);
  });
});
