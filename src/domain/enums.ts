/**
 * The fixed vocabularies of the dialogue model. Each is a readonly tuple so the zod
 * schemas, the database checks and the web app's labels are all derived from one list.
 */

export const ORGANISATION_PARTS = ['convener', 'partner', 'sponsor'] as const;
export type OrganisationPart = (typeof ORGANISATION_PARTS)[number];

export const ROUND_STATUSES = ['planned', 'in_session', 'concluded', 'report_published'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const SESSION_KINDS = ['inaugural', 'working', 'closing', 'other'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/**
 * How what is said in a session may be used.
 * - on_record: names may be shown and used in reports.
 * - chatham_house: use the content, never the identity or affiliation of a speaker.
 * - chatham_house_plus: as Chatham House, and nothing may be quoted verbatim in public outputs.
 * - off_record: nothing is kept at all.
 */
export const ATTRIBUTION_RULES = [
  'on_record',
  'chatham_house',
  'chatham_house_plus',
  'off_record',
] as const;
export type AttributionRule = (typeof ATTRIBUTION_RULES)[number];

export const SESSION_STATUSES = ['scheduled', 'open', 'closed'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const HONORIFICS = [
  '',
  'Mr.',
  'Ms.',
  'Mrs.',
  'Dr.',
  'Prof.',
  'Ambassador',
  'General',
  'Lt. Gen.',
  'Maj. Gen.',
  'Brig.',
  'Admiral',
  'Senator',
  'Hon.',
] as const;

export const BACKGROUNDS = [
  'former_diplomat',
  'former_military',
  'media',
  'economist',
  'professional',
  'civil_society',
  'academic',
  'official',
  'other',
] as const;
export type Background = (typeof BACKGROUNDS)[number];

export const GENDERS = ['woman', 'man', 'other', 'undisclosed'] as const;
export type Gender = (typeof GENDERS)[number];

export const PARTICIPATION_ROLES = [
  'head_of_delegation',
  'delegate',
  'attendee',
  'observer',
  'rapporteur',
  'moderator',
  'organiser',
] as const;
export type ParticipationRole = (typeof PARTICIPATION_ROLES)[number];

export const CAPACITIES = ['personal', 'official'] as const;
export type Capacity = (typeof CAPACITIES)[number];

/**
 * From nomination to confirmed attendance. A focal point nominates; organisers approve;
 * the person is invited, accepts (or declines) and is finally confirmed as attending.
 */
export const PARTICIPATION_STATUSES = [
  'nominated',
  'approved',
  'invited',
  'accepted',
  'confirmed',
  'declined',
  'withdrawn',
] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

/** Roles a user holds on a whole series (decided in the series policy). */
export const SERIES_ROLES = ['organiser', 'focal_point', 'sponsor'] as const;
export type SeriesRole = (typeof SERIES_ROLES)[number];

export const STATEMENT_KINDS = [
  'idea',
  'mechanism',
  'concern',
  'information_gap',
  'question',
] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const STATEMENT_STATUSES = ['pending', 'approved', 'rejected', 'merged'] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** 1 = agree, -1 = disagree, 0 = pass (Polis's export signs). */
export const VOTE_VALUES = [-1, 0, 1] as const;
export type VoteValue = (typeof VOTE_VALUES)[number];
