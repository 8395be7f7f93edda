import type { Problem } from '../../domain/common.ts';

export interface FieldError {
  field: string;
  message: string;
}

/** An error with an HTTP status, answered as application/problem+json. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }

  toProblem(): Problem {
    return {
      type: `https://parley.invalid/problems/${this.title.toLowerCase().replace(/[^a-z]+/g, '-')}`,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
    };
  }
}

export const badRequest = (detail: string, errors?: FieldError[]) =>
  new HttpError(400, 'Bad Request', detail, errors);
export const unauthorized = (detail = 'Sign in first.') =>
  new HttpError(401, 'Unauthorized', detail);
export const forbidden = (detail = 'Your role does not allow this.') =>
  new HttpError(403, 'Forbidden', detail);
export const notFound = (what = 'resource') => new HttpError(404, 'Not Found', `No such ${what}.`);
export const conflict = (detail: string, errors?: FieldError[]) =>
  new HttpError(409, 'Conflict', detail, errors);

/** Seconds a client should wait before trying again while the database is unavailable. */
export const DATABASE_RETRY_AFTER_SECONDS = 3;
export const databaseUnavailable = () =>
  new HttpError(
    503,
    'Service Unavailable',
    'The database is unavailable just now; try again in a few seconds.',
    undefined,
    { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
  );
