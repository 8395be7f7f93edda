import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllMessages } from './catalogs.ts';
import { en } from './en.ts';
import { formatDate, translate } from './translate.ts';
import { ur } from './ur.ts';

describe('translate', () => {
  beforeAll(() => loadAllMessages());
  it('fills placeholders and formats numbers for the locale', () => {
    expect(translate('en', 'round.heading', { number: 2 })).toBe('Round 2');
    expect(translate('en', 'session.editNamed', { title: 'Trade' })).toBe('Edit Trade');
    expect(translate('en', 'counts.total', { count: 12345 })).toBe('12,345 votes');
  });
  it('chooses the plural form from count', () => {
    expect(translate('en', 'counts.total', { count: 1 })).toBe('1 vote');
    expect(translate('en', 'counts.total', { count: 0 })).toBe('0 votes');
    expect(translate('ur', 'balance.counted', { count: 1 })).toContain('فرد');
    expect(translate('ur', 'balance.counted', { count: 5 })).toContain('افراد');
  });
  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(translate('en', 'round.heading')).toBe('Round {number}');
  });
  it('has every English key in Urdu, each actually translated where English has letters', () => {
    expect(Object.keys(ur).sort()).toEqual(Object.keys(en).sort());
    // A few keys may stay the same (proper names); everything with English words must not.
    const same = Object.keys(en).filter(
      (k) => JSON.stringify(en[k as keyof typeof en]) === JSON.stringify(ur[k as keyof typeof ur]),
    );
    expect(same).toEqual([]);
  });
  it('formats calendar dates without a time-zone shift', () => {
    expect(formatDate('en', '2026-04-05')).toBe('Apr 5, 2026');
    expect(formatDate('ur', '2026-04-05')).toContain('2026');
  });
});
