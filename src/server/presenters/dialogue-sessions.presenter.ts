import type { AttributionRule, SessionKind, SessionStatus } from '../../domain/enums.ts';
import type { Session } from '../../domain/rounds.ts';
import type { SessionsTable } from '../db/schema.ts';

/**
 * A dialogue session, with its round's venue time zone; chair and rapporteur ids only when the
 * reader may know who they are.
 */
export const presentDialogueSession = (
  s: SessionsTable,
  showPeople: boolean,
  timeZone: string,
): Session => ({
  id: s.id,
  roundId: s.round_id,
  kind: s.kind as SessionKind,
  position: s.position,
  title: s.title,
  startsAt: s.starts_at,
  endsAt: s.ends_at,
  chairPersonId: showPeople ? s.chair_person_id : null,
  rapporteurPersonId: showPeople ? s.rapporteur_person_id : null,
  attributionRule: s.attribution_rule as AttributionRule,
  status: s.status as SessionStatus,
  timeZone,
});
