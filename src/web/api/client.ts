import type { Me } from '../../domain/accounts.ts';
import type { Problem } from '../../domain/common.ts';
import { offlineData } from '../offline/offlineData.ts';

/** A failed request, with the server's problem details and its field errors keyed by field name. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  /** `body.title` → `title`; `query.limit` → `limit`; fields the form does not show stay in `detail`. */
  readonly fieldErrors: Record<string, string>;
  /** The whole problem document, for extension members such as a 409's `current` text. */
  readonly problem: Partial<Problem> & Record<string, unknown>;

  constructor(status: number, problem: Partial<Problem>) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.status = status;
    this.title = problem.title ?? `HTTP ${status}`;
    this.detail = problem.detail;
    this.fieldErrors = {};
    this.problem = problem;
    for (const e of problem.errors ?? []) {
      const field = e.field.replace(/^(body|query|path)\./, '');
      this.fieldErrors[field] ??= e.message;
    }
  }

  /** True when nothing reached the server (offline, DNS, dropped connection). */
  get isNetwork(): boolean {
    return this.status === 0;
  }
}

let csrfToken: string | null = null;

/** The session's CSRF token, sent on every write; comes from GET /api/v1/me or the login answer. */
export function rememberCsrf(me: Me): Me {
  csrfToken = me.csrfToken;
  return me;
}

export async function parseProblem(response: Response): Promise<ApiError> {
  let problem: Partial<Problem> = { title: response.statusText };
  try {
    problem = (await response.json()) as Problem;
  } catch {
    // not JSON: keep the status text
  }
  return new ApiError(response.status, problem);
}

/** One JSON request to the Parley API; throws ApiError for every non-2xx answer and for network failures. */
export async function request<T>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch (error) {
    // On a dead network a participant's own reads come from what was kept of them.
    const kept =
      method === 'GET' ? await offlineData.recall(path).catch(() => undefined) : undefined;
    if (kept !== undefined) return JSON.parse(kept) as T;
    throw new ApiError(0, { title: 'Network error', detail: (error as Error).message });
  }
  if (!response.ok) throw await parseProblem(response);
  if (response.status === 204 || response.headers.get('content-length') === '0')
    return undefined as T;
  const text = await response.text();
  if (method === 'GET' && text) void offlineData.remember(path, text).catch(() => {});
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
};

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter(
    ([, v]) => v !== undefined && v !== null && v !== '',
  );
  return entries.length
    ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}`
    : '';
}
