import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../src/server/http/log-redaction.ts';

describe('redactUrl', () => {
  it('cuts invitation secrets from paths and queries', () => {
    expect(redactUrl('/invitations/abcDEF123_-')).toBe('/invitations/[redacted]');
    expect(redactUrl('/app/invitations/abcDEF123_-?x=1')).toBe('/app/invitations/[redacted]?x=1');
    expect(redactUrl('/api/v1/invitations/status?token=s3cret&x=1')).toBe(
      '/api/v1/invitations/status?token=[redacted]&x=1',
    );
  });
  it('leaves other URLs alone', () => {
    expect(redactUrl('/api/v1/series?limit=5')).toBe('/api/v1/series?limit=5');
    expect(redactUrl('/api/v1/series/abc/invitations')).toBe('/api/v1/series/abc/invitations');
  });
});
