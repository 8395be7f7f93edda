import { isOrganiser, type Actor } from '../auth/actor.ts';

/** Exports leave the system: organisers only, and every one is written to the audit log. */
export const exportsPolicy = {
  exportRound: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
  exportSessionVotes: (a: Actor, seriesId: string) => isOrganiser(a, seriesId),
};
