import type { Delegation, Series } from '../../domain/series.ts';
import type { OrganisationPart } from '../../domain/enums.ts';
import type { DelegationsTable, SeriesTable } from '../db/schema.ts';

export const presentDelegation = (d: DelegationsTable): Delegation => ({
  id: d.id,
  seriesId: d.series_id,
  name: d.name,
  position: d.position,
});

export function presentSeries(
  s: SeriesTable,
  delegations: DelegationsTable[],
  organisations: Array<{
    series_id: string;
    organisation_id: string;
    part: string;
    name: string;
    short_name: string;
  }>,
): Series {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    trackLabel: s.track_label,
    description: s.description,
    kAnonymity: s.k_anonymity,
    createdAt: s.created_at,
    delegations: delegations.filter((d) => d.series_id === s.id).map(presentDelegation),
    organisations: organisations
      .filter((o) => o.series_id === s.id)
      .map((o) => ({
        organisationId: o.organisation_id,
        part: o.part as OrganisationPart,
        name: o.name,
        shortName: o.short_name,
      })),
  };
}
