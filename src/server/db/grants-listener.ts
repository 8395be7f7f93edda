import type { Db } from './connect.ts';
import { GRANTS_CHANNEL } from './migrations/0006_vote_path.ts';
import { PgChannelListener } from './pg-channel.ts';

/**
 * On PostgreSQL, tells this process's GrantsWatcher about grant changes made by any process
 * (triggers of migration 0006 NOTIFY them), so cached actors can live long. While the LISTEN
 * connection is down the watcher is told it cannot rely on it, and caches fall back to 1 s.
 * Returns a function that stops listening; a no-op on SQLite (data_version does this there).
 */
export async function watchGrantsOfOtherProcesses(
  db: Db,
  url: string,
  log: (message: string, error?: unknown) => void,
): Promise<() => Promise<void>> {
  if (db.dialect !== 'postgres') return async () => {};
  let version = 0;
  const listener = new PgChannelListener(url, GRANTS_CHANNEL, {
    onNotification: () => {
      version++;
      db.grants.notifyRemoteChange();
    },
    // Changes made while disconnected were not seen: count the reconnection as one.
    onReconnected: async () => {
      version++;
      db.grants.notifyRemoteChange();
    },
    log,
  });
  await listener.start();
  // Losing the connection moves the version too, so entries cached for long are dropped at once.
  db.grants.attachRemote({
    version: () => (listener.connected ? version : -version - 1),
    reliable: () => listener.connected,
  });
  return async () => {
    db.grants.attachRemote(null);
    await listener.stop();
  };
}
