import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, parseProblem, query, request, rememberCsrf } from './client.ts';

describe('ApiError', () => {
  it('keys field errors by the field name the form uses', () => {
    const e = new ApiError(400, {
      title: 'Bad Request',
      detail: 'The body is not valid.',
      errors: [
        { field: 'body.slug', message: 'bad' },
        { field: 'body.person.fullName', message: 'empty' },
      ],
    });
    expect(e.fieldErrors).toEqual({ slug: 'bad', 'person.fullName': 'empty' });
    expect(e.isNetwork).toBe(false);
  });
  it('parses a problem+json answer, and survives one that is not JSON', async () => {
    const json = new Response(
      JSON.stringify({ type: 'x', title: 'Conflict', status: 409, detail: 'Taken.' }),
      { status: 409 },
    );
    expect((await parseProblem(json)).detail).toBe('Taken.');
    const html = new Response('<h1>oops</h1>', { status: 502, statusText: 'Bad Gateway' });
    expect((await parseProblem(html)).title).toBe('Bad Gateway');
  });
});

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals());
  it('sends the CSRF token on writes and turns a network failure into status 0', async () => {
    rememberCsrf({ user: null, csrfToken: 'tok', seriesRoles: [], participations: [] });
    const calls: Array<[string, RequestInit]> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      if (init.method === 'DELETE') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify({ ok: true }), { status: 201 });
    });
    expect(await request('POST', '/series', { a: 1 })).toEqual({ ok: true });
    expect(calls[0][0]).toBe('/api/v1/series');
    expect((calls[0][1].headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    await expect(request('DELETE', '/series/x')).rejects.toMatchObject({
      status: 0,
      isNetwork: true,
    });
  });
  it('builds query strings without empty values', () => {
    expect(query({ token: 'a b', limit: 5, empty: '', none: undefined })).toBe(
      '?token=a+b&limit=5',
    );
  });
});
