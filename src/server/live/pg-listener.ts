import type { Db } from '../db/connect.ts';
import { PgChannelListener } from '../db/pg-channel.ts';
import { liveEvents } from '../repositories/live-events.repository.ts';
import { toLiveEvent, type LocalFanout } from './fanout.ts';

/**
 * LISTENs for events published by any process ('<sessionId>:<seq>') and pushes them to this
 * process's subscribers. Once reconnected after a loss, replays what its subscribers missed.
 */
export class PgEventListener {
  private readonly listener: PgChannelListener;

  constructor(
    url: string,
    channel: string,
    private readonly fanout: LocalFanout,
    private readonly db: Db,
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    this.listener = new PgChannelListener(url, channel, {
      onNotification: (payload) => this.onNotification(payload),
      onReconnected: () => this.catchUp(),
      log,
    });
  }

  /** Whether notifications from other processes are arriving right now (readiness). */
  get connected(): boolean {
    return this.listener.connected;
  }

  start(): Promise<void> {
    return this.listener.start();
  }

  stop(): Promise<void> {
    return this.listener.stop();
  }

  private async onNotification(payload: string) {
    const colon = payload.lastIndexOf(':');
    const sessionId = payload.slice(0, colon);
    const seq = Number(payload.slice(colon + 1));
    if (
      !Number.isFinite(seq) ||
      !this.fanout.hasSubscribers(sessionId) ||
      this.fanout.hasDelivered(sessionId, seq)
    )
      return;
    try {
      const row = await liveEvents.findBySeq(this.db.kysely, seq);
      if (row) this.fanout.deliver(toLiveEvent(row));
    } catch (error) {
      this.log(`could not load live event ${seq}`, error);
    }
  }

  private async catchUp() {
    for (const { sessionId, lastSeq } of this.fanout.watched()) {
      const rows = await liveEvents.listAfter(this.db.kysely, sessionId, lastSeq);
      for (const row of rows) this.fanout.deliver(toLiveEvent(row));
    }
  }
}
