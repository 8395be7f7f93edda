import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  UnknownRow,
} from 'kysely';
import { isDatabaseUnavailable } from './errors.ts';

export type OutageLog = (
  level: 'error' | 'warn',
  message: string,
  details: Record<string, unknown>,
) => void;

const consoleLog: OutageLog = (level, message, details) =>
  console[level](`[database] ${message}`, details.err ?? '');

/** An incident ends once queries succeed with no failure for this long: a flurry is one incident. */
const QUIET_MS = 1000;

/**
 * Incidents of the database being unavailable (see isDatabaseUnavailable: PostgreSQL gone or
 * restarting, a connection cut, SQLite's disk full or lock held too long). An incident begins
 * with the first such error and is logged then, once, however many requests it refuses; it ends
 * when a query succeeds again a second after the last failure, which is logged with how long it
 * lasted. On SQLite reads go on while writes fail, so there it takes a write (`changes` moves).
 */
export class DatabaseOutage implements KyselyPlugin {
  private since: number | null = null;
  private failures = 0;
  /** Since the process started, for /metrics: requests and jobs the database failed, and incidents. */
  failuresTotal = 0;
  incidentsTotal = 0;
  private lastFailureAt = 0;
  private changesAtLastFailure = 0;

  constructor(
    private log: OutageLog = consoleLog,
    /** Rows this connection has written so far (SQLite's total_changes()), when reads can succeed during an incident. */
    private readonly changes?: () => number,
  ) {}

  attachLog(log: OutageLog) {
    this.log = log;
  }

  /**
   * True when the error means the database is unavailable (the caller then answers 503 or
   * retries later, and need not log it): the first of an incident is logged here.
   */
  report(error: unknown, during?: string): boolean {
    if (!isDatabaseUnavailable(error)) return false;
    this.failures++;
    this.failuresTotal++;
    this.lastFailureAt = Date.now();
    this.changesAtLastFailure = this.changes?.() ?? 0;
    if (this.since === null) {
      this.since = this.lastFailureAt;
      this.incidentsTotal++;
      this.log('error', 'database unavailable: answering 503 until a query succeeds again', {
        err: error,
        ...(during ? { during } : {}),
      });
    }
    return true;
  }

  /** The log function, less the database-unavailable errors (reported as part of their incident). */
  filter(
    log: (message: string, error?: unknown) => void,
  ): (message: string, error?: unknown) => void {
    return (message, error) => {
      if (!this.report(error, message)) log(message, error);
    };
  }

  transformQuery(args: PluginTransformQueryArgs) {
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    if (
      this.since !== null &&
      Date.now() - this.lastFailureAt >= QUIET_MS &&
      (!this.changes || this.changes() !== this.changesAtLastFailure)
    ) {
      const seconds = (Date.now() - this.since) / 1000;
      this.log('warn', `database available again after ${seconds.toFixed(1)} s`, {
        failures: this.failures,
      });
      this.since = null;
      this.failures = 0;
    }
    return args.result;
  }
}
