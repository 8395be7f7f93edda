/** Row types of every table, as Kysely sees them. Only repositories import this file. */
import type { Generated } from 'kysely';

export interface OrganisationsTable {
  id: string;
  name: string;
  short_name: string;
  country: string;
  website: string;
  created_at: string;
}
export interface SeriesTable {
  id: string;
  slug: string;
  title: string;
  track_label: string;
  description: string;
  created_at: string;
  /** No released number describes fewer voters (migration 0010). */
  k_anonymity: number;
}
export interface SeriesOrganisationsTable {
  series_id: string;
  organisation_id: string;
  part: string;
  position: number;
}
export interface DelegationsTable {
  id: string;
  series_id: string;
  name: string;
  position: number;
}
export interface RoundsTable {
  id: string;
  series_id: string;
  number: number;
  city: string;
  country: string;
  venue: string;
  starts_on: string;
  ends_on: string;
  umbrella_theme: string;
  status: string;
  previous_round_id: string | null;
  /** IANA name of the venue's time zone. */
  time_zone: string;
}
export interface PeopleTable {
  id: string;
  full_name: string;
  honorific: string;
  affiliation: string;
  background: string;
  gender: string;
  created_at: string;
}
export interface SessionsTable {
  id: string;
  round_id: string;
  kind: string;
  position: number;
  title: string;
  starts_at: string | null;
  ends_at: string | null;
  chair_person_id: string | null;
  rapporteur_person_id: string | null;
  attribution_rule: string;
  status: string;
}
export interface ParticipationsTable {
  id: string;
  round_id: string;
  person_id: string;
  delegation_id: string | null;
  role: string;
  capacity: string;
  status: string;
  nominated_by: string | null;
  approved_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_admin: number;
  person_id: string | null;
  created_at: string;
}
export interface SeriesMembersTable {
  id: string;
  series_id: string;
  user_id: string;
  role: string;
  delegation_id: string | null;
  created_at: string;
}
export interface AuthSessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}
export interface InvitationsTable {
  id: string;
  token_hash: string;
  email: string;
  participation_id: string | null;
  series_id: string | null;
  series_role: string | null;
  delegation_id: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}
export interface AuditLogTable {
  id: string;
  at: string;
  actor_user_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  series_id: string | null;
  detail: string;
}

export interface StatementsTable {
  id: string;
  session_id: string;
  kind: string;
  text: string;
  translation: string;
  language: string;
  author_user_id: string | null;
  author_participation_id: string | null;
  origin: string;
  status: string;
  rejection_reason: string | null;
  merged_into_id: string | null;
  is_meta: number;
  position: number;
  created_at: string;
  updated_at: string;
}
export interface StatementRevisionsTable {
  id: string;
  statement_id: string;
  text: string;
  translation: string;
  edited_by: string | null;
  reason: string;
  at: string;
}
export interface VotesTable {
  client_vote_id: string;
  session_id: string;
  statement_id: string;
  participation_id: string;
  value: number;
  created_at: string;
  updated_at: string;
}
/** Client vote ids superseded by a later vote on the same statement (migration 0003), so their retries are recognised. */
export interface SupersededVotesTable {
  client_vote_id: string;
  participation_id: string;
  statement_id: string;
  value: number;
  at: string;
}
/**
 * A session's latest release (migration 0010). `result` is the engine's output on the released
 * ballots and `released` the gate's state (both internal: they hold voter keys); `summary` is the
 * released AnalysisSummary without delegation names, the only part that leaves the server.
 */
export interface AnalysisResultsTable {
  session_id: string;
  /** When the release was made, to the second. */
  computed_at: string;
  describes_until: string;
  vote_count: number;
  result: string;
  release_seq: number;
  final: number;
  released: string;
  summary: string;
}
export interface LiveEventsTable {
  seq: Generated<number>;
  session_id: string;
  type: string;
  payload: string;
  at: string;
}

/** The public outcome report of a round (migration 0005): the editable draft, texts as JSON per language. */
export interface ReportsTable {
  id: string;
  round_id: string;
  status: string;
  edit_version: number;
  text_en: string;
  text_ur: string;
  approved_by: string | null;
  approved_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface ReportVersionsTable {
  id: string;
  report_id: string;
  version: number;
  text_en: string;
  text_ur: string;
  correction_note: string;
  published_by: string | null;
  published_at: string;
}
export interface ReportCommentsTable {
  id: string;
  report_id: string;
  parent_id: string | null;
  author_name: string;
  author_email: string;
  body: string;
  status: string;
  address_hash: string;
  created_at: string;
  moderated_by: string | null;
  moderated_at: string | null;
}

export interface Database {
  organisations: OrganisationsTable;
  series: SeriesTable;
  series_organisations: SeriesOrganisationsTable;
  delegations: DelegationsTable;
  rounds: RoundsTable;
  people: PeopleTable;
  sessions: SessionsTable;
  participations: ParticipationsTable;
  users: UsersTable;
  series_members: SeriesMembersTable;
  auth_sessions: AuthSessionsTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  statements: StatementsTable;
  statement_revisions: StatementRevisionsTable;
  votes: VotesTable;
  superseded_votes: SupersededVotesTable;
  analysis_results: AnalysisResultsTable;
  live_events: LiveEventsTable;
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_comments: ReportCommentsTable;
  outcome_items: OutcomeItemsTable;
  outcome_evidence: OutcomeEvidenceTable;
  conclusions: ConclusionsTable;
  conclusion_endorsements: ConclusionEndorsementsTable;
  rapporteur_reports: RapporteurReportsTable;
  rapporteur_report_comments: RapporteurReportCommentsTable;
  outcome_revisions: OutcomeRevisionsTable;
  recommendations: RecommendationsTable;
  recommendation_status_changes: RecommendationStatusChangesTable;
  recommendation_carries: RecommendationCarriesTable;
  statement_repeats: StatementRepeatsTable;
  readiness_probe: ReadinessProbeTable;
}

/** The row GET /api/v1/ready writes (migration 0007_readiness_probe). */
export interface ReadinessProbeTable {
  id: number;
  checked_at: string;
}

// Outcomes (migration 0004_outcomes).
export interface OutcomeItemsTable {
  id: string;
  round_id: string;
  session_id: string;
  type: string;
  title: string;
  body: string;
  visibility: string;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface OutcomeEvidenceTable {
  item_id: string;
  statement_id: string;
  quotable: number;
  /** JSON: the statement's aggregate analysis figures when linked (never a participant id). */
  snapshot: string;
  linked_at: string;
}
export interface ConclusionsTable {
  id: string;
  round_id: string;
  body: string;
  version: number;
  frozen_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface ConclusionEndorsementsTable {
  conclusion_id: string;
  delegation_id: string;
  version: number;
  endorsed_by: string | null;
  at: string;
}
export interface RapporteurReportsTable {
  id: string;
  round_id: string;
  body: string;
  version: number;
  status: string;
  review_ends_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}
export interface RapporteurReportCommentsTable {
  id: string;
  report_id: string;
  author_user_id: string | null;
  body: string;
  at: string;
}
export interface OutcomeRevisionsTable {
  id: string;
  document_type: string;
  document_id: string;
  version: number;
  title: string;
  body: string;
  edited_by: string | null;
  at: string;
}
export interface RecommendationsTable {
  id: string;
  round_id: string;
  number: number;
  session_id: string | null;
  title: string;
  body: string;
  /** JSON array of free-text addressees. */
  addressees: string;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
export interface RecommendationStatusChangesTable {
  id: string;
  recommendation_id: string;
  status: string;
  on_date: string;
  evidence: string;
  evidence_url: string | null;
  changed_by: string | null;
  at: string;
}
export interface RecommendationCarriesTable {
  recommendation_id: string;
  round_id: string;
  carried_by: string | null;
  at: string;
}
export interface StatementRepeatsTable {
  statement_id: string;
  repeat_of_id: string;
  linked_by: string | null;
  at: string;
}
