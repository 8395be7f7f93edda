import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.ts';

describe('TRUST_PROXY', () => {
  it('believes no proxy unless told which', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });
  it('takes a hop count, proxy addresses, or true', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
  });
  it('refuses anything else, naming the variable', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(
      /TRUST_PROXY: must be 'false', 'true', a number of hops/,
    );
  });
});

describe('live stream limits', () => {
  it('default to 10 per user, 200 per address and a 10-minute lifetime', () => {
    expect(loadConfig({}).liveStreams).toEqual({
      perUser: 10,
      perAddress: 200,
      lifetimeMs: 600_000,
    });
  });
  it('take other values and refuse a zero, naming the variable', () => {
    expect(
      loadConfig({ LIVE_STREAMS_PER_USER: '3', LIVE_STREAM_LIFETIME_SECONDS: '60' }).liveStreams,
    ).toMatchObject({ perUser: 3, lifetimeMs: 60_000 });
    expect(() => loadConfig({ LIVE_STREAMS_PER_ADDRESS: '0' })).toThrow(/LIVE_STREAMS_PER_ADDRESS/);
  });
});
