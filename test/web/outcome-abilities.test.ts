import { describe, expect, it } from 'vitest';
import type { Me } from '../../src/domain/accounts.ts';
import type { Round } from '../../src/domain/rounds.ts';
import { outcomeAbilities } from '../../src/web/pages/outcomes/abilities.ts';

const round = { id: 'r2', seriesId: 's1' } as Round;
const me = (personId: string | null, participations: Me['participations'] = []): Me => ({
  user: { id: 'u1', email: 'p@example.org', displayName: 'P', isAdmin: false, personId },
  csrfToken: 'x',
  seriesRoles: [],
  participations,
});

describe('outcomeAbilities', () => {
  it('lets the person named rapporteur of one of the round sessions write, like the server does', () => {
    const sessions = [{ rapporteurPersonId: null }, { rapporteurPersonId: 'person-7' }];
    expect(
      outcomeAbilities(
        me('person-7', [{ roundId: 'r2', role: 'observer', delegationId: null }]),
        round,
        sessions,
      ),
    ).toMatchObject({ reports: true, writes: true, organises: false });
    expect(
      outcomeAbilities(
        me('person-8', [{ roundId: 'r2', role: 'observer', delegationId: null }]),
        round,
        sessions,
      ),
    ).toMatchObject({ reports: false, writes: false });
  });
  it('still lets the round rapporteur write, and nobody without a person match a session with none', () => {
    expect(
      outcomeAbilities(
        me(null, [{ roundId: 'r2', role: 'rapporteur', delegationId: null }]),
        round,
        [{ rapporteurPersonId: null }],
      ).reports,
    ).toBe(true);
    expect(outcomeAbilities(me(null), round, [{ rapporteurPersonId: null }]).reports).toBe(false);
  });
});
