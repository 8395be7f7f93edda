import { describe, expect, it } from 'vitest';
import { matchPath } from './router.ts';

describe('matchPath', () => {
  it('matches fixed segments and captures parameters', () => {
    expect(matchPath('/rounds/:id', '/rounds/abc')).toEqual({ id: 'abc' });
    expect(matchPath('/sessions/:id/vote', '/sessions/s-1/vote/')).toEqual({ id: 's-1' });
    expect(matchPath('/', '/')).toEqual({});
  });
  it('refuses other shapes', () => {
    expect(matchPath('/rounds/:id', '/rounds/abc/setup')).toBeNull();
    expect(matchPath('/rounds/:id/setup', '/series/abc/setup')).toBeNull();
  });
  it('decodes parameters and refuses malformed encodings', () => {
    expect(matchPath('/invitations/:token', '/invitations/a%2Db')).toEqual({ token: 'a-b' });
    expect(matchPath('/invitations/:token', '/invitations/%E0%A4%A')).toBeNull();
  });
});
