import type { Message } from '../message.ts';

/** English: time zones and calendars. */
export const time = {
  'time.yourTime': 'your time: {time}',
  'round.timeZone': 'Venue time zone',
  'round.timeZoneHint': 'An IANA name, such as Asia/Karachi or America/New_York.',
  'session.timesIn': 'Times are in the venue’s zone, {zone}.',
  'calendar.round': 'Add the round to a calendar (.ics)',
  'calendar.session': 'Add to a calendar (.ics)',
} satisfies Record<string, Message>;
