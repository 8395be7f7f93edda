import pg from 'pg';

const RECONNECT_MIN_MS = 250;
/** Short: a failed attempt costs one TCP connect, and live updates should be back soon after the database. */
const RECONNECT_MAX_MS = 2_000;

export interface ChannelHandlers {
  /** Called for each notification, one after another (the next waits for the previous). */
  onNotification(payload: string): Promise<void> | void;
  /** Called after a reconnection, once LISTEN is back: what was missed meanwhile can be caught up. */
  onReconnected?(): Promise<void>;
  log(message: string, error?: unknown): void;
}

/**
 * A dedicated PostgreSQL connection that LISTENs on one channel and reconnects with backoff.
 * `connected` says whether notifications are arriving right now. At most one connection is open
 * and at most one reconnection pending or running: a connection that fails before it is in use
 * (LISTEN or the catch-up after it failed) is ended before the next attempt.
 */
export class PgChannelListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private retryMs = RECONNECT_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private reconnecting = false;
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
      if (message.channel === this.channel && this.client === client)
        this.queue = this.queue
          .then(() => this.handlers.onNotification(payload))
          .catch((error) => this.handlers.log('a notification could not be handled', error));
    });
    // Always listened to, even before the client is in use: an unhandled 'error' ends the process.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      void client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
  }

  private lost(client: pg.Client, error?: unknown) {
    if (this.stopped || this.client !== client) return;
    this.drop(client);
    this.handlers.log(`LISTEN ${this.channel} connection lost; reconnecting`, error);
    this.scheduleReconnect();
  }

  private drop(client: pg.Client) {
    if (this.client === client) this.client = null;
    void client.end().catch(() => undefined);
  }

  private scheduleReconnect() {
    if (this.stopped || this.retryTimer || this.reconnecting) return;
    this.retryTimer = setTimeout(() => void this.reconnect(), this.retryMs);
  }

  private async reconnect() {
    this.retryTimer = null;
    this.reconnecting = true;
    let client: pg.Client | null = null;
    try {
      await this.connect();
      client = this.client;
      // What was published while disconnected is caught up; if that fails, so does this attempt.
      if (client) await this.handlers.onReconnected?.();
      this.retryMs = RECONNECT_MIN_MS;
    } catch (error) {
      if (client) this.drop(client);
      this.handlers.log(`LISTEN ${this.channel} reconnect failed`, error);
      this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
    } finally {
      this.reconnecting = false;
      // Failed, or lost again while catching up: one more attempt.
      if (!this.client) this.scheduleReconnect();
    }
  }
}
