import { describe, expect, it } from 'vitest';
import {
  dateInZone,
  formatForReader,
  formatInstant,
  fromWallTime,
  isTimeZone,
  wallTimeInZone,
  zoneLabel,
} from '../../src/domain/time.ts';

describe('venue time', () => {
  const morning = '2026-04-05T04:30:00Z';
  it('writes an instant with its zone, in English and in Urdu', () => {
    expect(formatInstant(morning, 'Asia/Karachi')).toBe('09:30 PKT, 5 April 2026');
    expect(formatInstant(morning, 'America/New_York')).toBe('00:30 EDT, 5 April 2026');
    expect(formatInstant('2026-01-03T14:00:00Z', 'America/New_York')).toBe(
      '09:00 EST, 3 January 2026',
    );
    expect(formatInstant(morning, 'Asia/Karachi', 'ur')).toBe('09:30 PKT، 5 اپریل، 2026');
  });
  it('labels zones ICU has no English name for by their offset', () => {
    expect(zoneLabel(morning, 'Australia/Adelaide')).toBe('UTC+9:30');
    expect(zoneLabel(morning, 'UTC')).toBe('UTC');
    expect(zoneLabel(morning, 'Europe/London')).toBe('BST');
  });
  it('reads a wall time in the venue zone, across clock changes', () => {
    expect(fromWallTime('2026-04-05T09:30', 'Asia/Karachi')).toBe('2026-04-05T09:30:00+05:00');
    // Skipped by the spring change: moved forward by the gap.
    expect(fromWallTime('2026-03-08T02:30', 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
    // Read twice in the autumn: the first.
    expect(fromWallTime('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
    expect(fromWallTime('2026-02-30T09:30', 'UTC')).toBeNull();
    expect(fromWallTime('2026-04-05T09:60', 'UTC')).toBeNull();
  });
  it('gives the date and wall time in the zone', () => {
    expect(dateInZone('2026-04-06T20:00:00Z', 'Asia/Karachi')).toBe('2026-04-07');
    expect(wallTimeInZone(morning, 'America/New_York')).toBe('2026-04-05T00:30');
  });
  it('adds the reader’s time only where their clock differs', () => {
    expect(formatForReader(morning, 'Asia/Karachi', 'America/New_York')).toBe(
      '00:30 EDT, 5 April 2026',
    );
    expect(formatForReader(morning, 'Asia/Karachi', 'Asia/Tashkent')).toBeNull();
  });
  it('knows IANA names only', () => {
    expect(isTimeZone('Asia/Karachi')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    for (const bad of ['Mars/Olympus_Mons', 'PKT', '+05:00', '', 'asia karachi'])
      expect(isTimeZone(bad)).toBe(false);
  });
});
