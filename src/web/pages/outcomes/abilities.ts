import type { Me } from '../../../domain/accounts.ts';
import type { Round, Session } from '../../../domain/rounds.ts';

/**
 * What the signed-in person may do with a round's outcomes (the server decides; this only hides
 * what it would refuse). Rapporteurs are those with the rapporteur role in the round and the
 * person named as rapporteur of any of its sessions, as in the server's outcomes policy.
 */
export function outcomeAbilities(
  me: Me | null,
  round: Round,
  sessions: readonly Pick<Session, 'rapporteurPersonId'>[],
) {
  const organises = Boolean(
    me?.user?.isAdmin ||
    me?.seriesRoles.some((r) => r.seriesId === round.seriesId && r.role === 'organiser'),
  );
  const mine = me?.participations.filter((p) => p.roundId === round.id) ?? [];
  const personId = me?.user?.personId ?? null;
  const namedOnASession =
    personId !== null && sessions.some((s) => s.rapporteurPersonId === personId);
  const reports = namedOnASession || mine.some((p) => p.role === 'rapporteur');
  const headOf = mine.find((p) => p.role === 'head_of_delegation')?.delegationId ?? null;
  return { organises, reports, writes: organises || reports, headOf };
}
