import pg from 'pg';

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 10_000;

export interface ChannelHandlers {
  /** Called for each notification, one after another (the next waits for the previous). */
  onNotification(payload: string): Promise<void> | void;
  /** Called after a reconnection, once LISTEN is back: what was missed meanwhile can be caught up. */
  onReconnected?(): Promise<void>;
  log(message: string, error?: unknown): void;
}

/**
 * A dedicated PostgreSQL connection that LISTENs on one channel and reconnects with backoff.
 * `connected` says whether notifications are arriving right now.
 */
export class PgChannelListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: ChannelHandlers,
  ) {}

  get connected(): boolean {
    return this.client !== null;
  }

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
      const payload = message.payload ?? '';
      if (message.channel === this.channel)
        this.queue = this.queue
          .then(() => this.handlers.onNotification(payload))
          .catch((error) => this.handlers.log('a notification could not be handled', error));
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
    this.handlers.log(`LISTEN ${this.channel} connection lost; reconnecting`, error);
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect() {
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(async () => {
      this.retryTimer = null;
      try {
        await this.connect();
        await this.handlers.onReconnected?.();
      } catch (error) {
        this.handlers.log(`LISTEN ${this.channel} reconnect failed`, error);
        this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
        this.scheduleReconnect();
      }
    }, this.retryMs);
  }
}
