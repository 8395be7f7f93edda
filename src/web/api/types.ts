/**
 * Answers whose schema still lives in the server (src/server/presenters/participations.presenter.ts
 * has a TODO to move RoundBalance to src/domain): the same shape, until it moves.
 */
export interface BalanceBar {
  key: string;
  label: string;
  count: number;
}

export interface RoundBalance {
  roundId: string;
  counted: number;
  byDelegation: BalanceBar[];
  byBackground: BalanceBar[];
  byGender: BalanceBar[];
  byRole: BalanceBar[];
  byStatus: BalanceBar[];
}
