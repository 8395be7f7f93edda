import type { Round } from '../../../domain/rounds.ts';
import type { Series } from '../../../domain/series.ts';
import { api } from '../../api/client.ts';
import { useResource } from '../../api/useResource.ts';

/** A round with its series (title, delegations), for the pages that prepare a round. */
export function useRoundWithSeries(roundId: string) {
  return useResource(async () => {
    const round = await api.get<Round>(`/rounds/${roundId}`);
    return { round, series: await api.get<Series>(`/series/${round.seriesId}`) };
  }, roundId);
}
