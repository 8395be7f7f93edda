import type { Background, Gender } from '../domain/enums.ts';
import type { Side } from './announcement.ts';

/**
 * FICTIONAL people, invented for the demo. The announcement says only that twenty-five further
 * people attended, from the backgrounds listed; it names none of them. The names below are
 * made up, and every one carries the affiliation "Fictional attendee (demo)" so that nobody
 * mistakes them for real participants. Statements and votes in the demo may come only from
 * these fictional people, never from the real delegates.
 */
export const FICTIONAL_AFFILIATION = 'Fictional attendee (demo)';

export interface FictionalPerson {
  key: string;
  honorific: string;
  fullName: string;
  background: Background;
  gender: Gender;
  side: Side;
}

const person = (
  key: string,
  honorific: string,
  fullName: string,
  background: Background,
  gender: Gender,
  side: Side,
): FictionalPerson => ({
  key,
  honorific,
  fullName,
  background,
  gender,
  side,
});

// 11 women and 14 men; 7 with the US side, 13 with Pakistan (the round was in Islamabad), 5 with neither.
export const FICTIONAL_ATTENDEES: FictionalPerson[] = [
  person('f01', 'Ambassador', 'Maren Oakhollow', 'former_diplomat', 'woman', 'United States'),
  person('f02', '', 'Tobias Wrenfield', 'former_diplomat', 'man', 'United States'),
  person('f03', 'Ambassador', 'Sadia Qamarpuri', 'former_diplomat', 'woman', 'Pakistan'),
  person('f04', 'Ambassador', 'Farhan Zaildar', 'former_diplomat', 'man', 'Pakistan'),
  person('f05', '', 'Nadir Shahkotvi', 'former_diplomat', 'man', null),
  person('f06', '', 'Colm Haverstock', 'former_military', 'man', 'United States'),
  person('f07', 'Lt. Gen.', 'Imtiaz Rukhsarani', 'former_military', 'man', 'Pakistan'),
  person('f08', 'Brig.', 'Jahangir Sultanabadi', 'former_military', 'man', 'Pakistan'),
  person('f09', 'Brig.', 'Naila Pirzadgan', 'former_military', 'woman', 'Pakistan'),
  person('f10', '', 'Elena Marchbrook', 'media', 'woman', 'United States'),
  person('f11', '', 'Hamza Tarbelwi', 'media', 'man', 'Pakistan'),
  person('f12', '', 'Zoya Ravidin', 'media', 'woman', 'Pakistan'),
  person('f13', '', 'Quentin Ashgrove', 'media', 'man', null),
  person('f14', 'Dr.', 'Lydia Brennaway', 'economist', 'woman', 'United States'),
  person('f15', 'Dr.', 'Usman Chenabi', 'economist', 'man', 'Pakistan'),
  person('f16', 'Dr.', 'Mehreen Sohrabgani', 'economist', 'woman', 'Pakistan'),
  person('f17', '', 'Owen Thistlecombe', 'economist', 'man', null),
  person('f18', '', 'Grace Pemberley-Ode', 'professional', 'woman', 'United States'),
  person('f19', '', 'Kamran Indusvali', 'professional', 'man', 'Pakistan'),
  person('f20', '', 'Aliya Margallawi', 'professional', 'woman', 'Pakistan'),
  person('f21', '', 'Bilal Haripurwala', 'professional', 'man', null),
  person('f22', '', 'Harriet Cloudsley', 'civil_society', 'woman', 'United States'),
  person('f23', '', 'Sana Kirtharvi', 'civil_society', 'woman', 'Pakistan'),
  person('f24', '', 'Asad Lahorewala', 'civil_society', 'man', 'Pakistan'),
  person('f25', '', 'Theo Vandermolen', 'civil_society', 'man', null),
];

/** Also fictional: the round's rapporteur and moderator (the announcement names neither). */
export const FICTIONAL_RAPPORTEUR: FictionalPerson = person(
  'rapporteur',
  '',
  'Iris Fenwold',
  'academic',
  'woman',
  null,
);
export const FICTIONAL_MODERATOR: FictionalPerson = person(
  'moderator',
  'Dr.',
  'Haroon Saltrangi',
  'academic',
  'man',
  null,
);
export const FICTIONAL_STAFF_AFFILIATION = {
  rapporteur: 'Fictional rapporteur (demo)',
  moderator: 'Fictional moderator (demo)',
} as const;

/** The fictional attendee whose demo account signs in as a participant. */
export const DEMO_PARTICIPANT_KEY = 'f12';
