import type { z } from 'zod';
import { loadConfig } from '../server/config.ts';
import type { Deps } from '../server/deps.ts';
import { HttpError } from '../server/http/errors.ts';
import { smtpMailer } from '../server/mail/mailer.ts';
import type { CliIO } from './verb.ts';
import { UsageError } from './verb.ts';
import { withDatabase } from './with-database.ts';

/**
 * Runs `work` with the same Deps the server builds (database from DATABASE_URL, migrated;
 * config from the environment; a mailer when SMTP_URL is set), so verbs call the services the
 * API calls. A service's 4xx becomes a message for the terminal and exit code 1.
 */
export async function withServiceDeps<T>(io: CliIO, work: (deps: Deps) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    throw new UsageError((error as Error).message, 1);
  }
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl, config.mailFrom) : null;
  try {
    return await withDatabase(io, (db) => work({ db, config, mailer, now: () => new Date() }));
  } catch (error) {
    if (error instanceof HttpError && error.status < 500) {
      const fields = (error.errors ?? [])
        .map((e) => `\n  ${e.field.replace(/^body\./, '')}: ${e.message}`)
        .join('');
      throw new UsageError(`${error.detail ?? error.title}${fields}`, 1);
    }
    throw error;
  } finally {
    mailer?.close();
  }
}

/** Validates options against a shared zod schema, naming the offending option. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  optionNames: Record<string, string>,
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => {
    const key = String(i.path[0] ?? '');
    return `  ${optionNames[key] ?? (key || 'input')}: ${i.message}`;
  });
  throw new UsageError(`invalid options:\n${lines.join('\n')}`);
}
