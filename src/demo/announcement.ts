import type { Background, Gender } from '../domain/enums.ts';

/**
 * The facts of the public announcement of round 2 (seed: announcement-round-2.txt), as data.
 * Only what the announcement says is here; everything invented for the demo is in
 * `fictional.ts` and labelled as such.
 */

export const SERIES = {
  slug: 'us-pakistan-bilateral-dialogue',
  title: 'US-Pakistan Bilateral (Track-II/I.5) Dialogue',
  trackLabel: 'Track-II/I.5',
  description:
    'A bilateral Track-II/I.5 dialogue between the United States and Pakistan, an initiative of the Regional Peace Institute (RPI) ' +
    'implemented in collaboration with the Wilson Center, with the support of the US Embassy, Pakistan. ' +
    'The announcement gives no year; this demo places both rounds in 2026. ' +
    'Demo data: the 25 further attendees, the rapporteur and the moderator are fictional. ' +
    // SIMULATED: see src/demo/room.ts.
    'Working session 1 holds simulated statements and votes from the fictional attendees, to show the analysis; ' +
    'no real person’s opinion is represented.',
} as const;

export const DEMO_YEAR = 2026;

/** The announcement writes "Wilson Centre"; the institution's own name is "Wilson Center". */
export const ORGANISATIONS = [
  {
    key: 'rpi',
    name: 'Regional Peace Institute',
    shortName: 'RPI',
    country: 'Pakistan',
    part: 'convener',
  },
  {
    key: 'wilson',
    name: 'Wilson Center',
    shortName: '',
    country: 'United States',
    part: 'partner',
  },
  {
    key: 'embassy',
    name: 'US Embassy, Pakistan',
    shortName: '',
    country: 'Pakistan',
    part: 'sponsor',
  },
] as const;

export const DELEGATIONS = ['United States', 'Pakistan'] as const;
export type Side = (typeof DELEGATIONS)[number] | null;

export const ROUNDS = [
  {
    number: 1,
    city: 'Washington, DC',
    country: 'United States',
    timeZone: 'America/New_York',
    startsOn: `${DEMO_YEAR}-01-03`,
    endsOn: `${DEMO_YEAR}-01-04`,
    umbrellaTheme: '',
  },
  {
    number: 2,
    city: 'Islamabad',
    country: 'Pakistan',
    timeZone: 'Asia/Karachi',
    startsOn: `${DEMO_YEAR}-04-05`,
    endsOn: `${DEMO_YEAR}-04-06`,
    // Word for word, without the curly quotes that surround it in the announcement.
    umbrellaTheme:
      'Convergence amid Divergence: Identifying Pathways to Cooperation in a Challenging Environment',
  },
] as const;

/** Round 2's sessions: the inaugural session and the four working sessions, sub-themes word for word. */
export const ROUND_2_SESSIONS = [
  { kind: 'inaugural', title: 'Inaugural session' },
  {
    kind: 'working',
    title:
      'Shifting dynamics, emerging alliances and widening economic connectivity – Can US-Pakistan relations adjust to South-Asia’s new geopolitical realities?',
  },
  {
    kind: 'working',
    title:
      'Squeezed between internal strife and external pressure – Can there be a mutually agreeable endgame for peace in Afghanistan?',
  },
  {
    kind: 'working',
    title:
      'Managing militancy – Opportunities and limits of US-Pakistan counter-terrorism cooperation',
  },
  {
    kind: 'working',
    title:
      'Overcoming shadows from the past – How can economic assistance to Pakistan work best for both countries?',
  },
] as const;

export interface NamedPerson {
  key: string;
  honorific: string;
  fullName: string;
  background: Background;
  gender: Gender;
}

/**
 * The delegates as the announcement names them. It gives no affiliation, background or gender,
 * so those stay empty, 'other' and 'undisclosed'. The seed misspells two Pakistani entries
 * ("Ambasasdor Ashraf Jehangir Qazi", "Traiq Khosa"); the correct spellings are used here.
 */
const delegate = (key: string, honorific: string, fullName: string): NamedPerson => ({
  key,
  honorific,
  fullName,
  background: 'other',
  gender: 'undisclosed',
});

export const US_DELEGATES: NamedPerson[] = [
  delegate('us-boucher', '', 'Richard Boucher'),
  delegate('us-raphel', '', 'Robin Raphel'),
  delegate('us-smith', '', 'David Smith'),
  delegate('us-bacon', '', 'Tricia Bacon'),
  delegate('us-kugelman', '', 'Michael Kugelman'),
];

export const PAKISTAN_DELEGATES: NamedPerson[] = [
  delegate('pk-khan', 'Dr.', 'Ashfaque Hasan Khan'),
  delegate('pk-qazi', 'Ambassador', 'Ashraf Jehangir Qazi'),
  delegate('pk-sadiq', 'Ambassador', 'Mohammad Sadiq'),
  delegate('pk-khosa', '', 'Tariq Khosa'),
  delegate('pk-hasan', '', 'Raoof Hasan'),
];

/** "another twenty-five people representing a variety of backgrounds" — the listed backgrounds. */
export const ATTENDEE_BACKGROUNDS: Background[] = [
  'former_diplomat',
  'former_military',
  'media',
  'economist',
  'professional',
  'civil_society',
];
export const FURTHER_ATTENDEES = 25;
