import type { Config } from './config.ts';
import type { Db } from './db/connect.ts';
import type { Mailer } from './mail/mailer.ts';
import type { LiveHub } from './live/hub.ts';

/** What every service needs, passed explicitly (no globals, no container). */
export interface Deps {
  db: Db;
  config: Config;
  /** Null when SMTP is not configured: invitations are then only shown as links. */
  mailer: Mailer | null;
  now: () => Date;
  /** Live push and debounced analysis (live/hub.ts); absent in contexts that need no live updates (CLI). */
  live?: LiveHub;
}
