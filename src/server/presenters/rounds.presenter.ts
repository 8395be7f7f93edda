import type { RoundStatus } from '../../domain/enums.ts';
import type { Round } from '../../domain/rounds.ts';
import type { RoundsTable } from '../db/schema.ts';

export const presentRound = (r: RoundsTable): Round => ({
  id: r.id,
  seriesId: r.series_id,
  number: r.number,
  city: r.city,
  country: r.country,
  venue: r.venue,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  umbrellaTheme: r.umbrella_theme,
  status: r.status as RoundStatus,
  previousRoundId: r.previous_round_id,
  timeZone: r.time_zone,
});
