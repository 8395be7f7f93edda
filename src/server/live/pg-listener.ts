import pg from 'pg';
import type { Db } from '../db/connect.ts';
import { liveEvents } from '../repositories/live-events.repository.ts';
import { toLiveEvent, type LocalFanout } from './fanout.ts';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

/**
 * A dedicated PostgreSQL connection that LISTENs for events published by any process
 * ('<sessionId>:<seq>') and pushes them to this process's subscribers. Reconnects with backoff
 * and, once back, replays what its subscribers missed meanwhile.
 */
export class PgEventListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  /** Notifications are handled one after another so events reach subscribers in order. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly fanout: LocalFanout,
    private readonly db: Db,
    private readonly log: (message: string, error?: unknown) => void,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      const payload = message.payload;
      if (message.channel === this.channel && payload) this.queue = this.queue.then(() => this.onNotification(payload));
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN ${this.channel}`);
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RECONNECT_MIN_MS;
  }

  private lost(client: pg.Client, error?: unknown) {
    if (this.stopped || this.client !== client) return;
    this.client = null;
    this.log('LISTEN connection lost; reconnecting', error);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      try {
        await this.connect();
        await this.catchUp();
      } catch (error) {
        this.log('LISTEN reconnect failed', error);
        this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
        this.scheduleReconnect();
      }
    }, this.retryMs);
  }

  private async onNotification(payload: string) {
    const colon = payload.lastIndexOf(':');
    const sessionId = payload.slice(0, colon);
    const seq = Number(payload.slice(colon + 1));
    if (!Number.isFinite(seq) || !this.fanout.hasSubscribers(sessionId) || this.fanout.hasDelivered(sessionId, seq)) return;
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
