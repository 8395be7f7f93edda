import type { Message } from '../message.ts';
import type { time as english } from '../en/time.ts';

/** اردو: time zones and calendars; every key of en/time.ts. */
export const time: { [K in keyof typeof english]: Message } = {
  'time.yourTime': 'آپ کا وقت: {time}',
  'round.timeZone': 'مقام کا ٹائم زون',
  'round.timeZoneHint': 'IANA نام، جیسے Asia/Karachi یا America/New_York۔',
  'session.timesIn': 'اوقات مقام کے ٹائم زون، {zone}، میں ہیں۔',
  'calendar.round': 'دور کو کیلنڈر میں شامل کریں (.ics)',
  'calendar.session': 'کیلنڈر میں شامل کریں (.ics)',
};
