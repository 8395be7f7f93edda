import type { Organisation } from '../../domain/series.ts';
import type { OrganisationsTable } from '../db/schema.ts';

export const presentOrganisation = (o: OrganisationsTable): Organisation => ({
  id: o.id,
  name: o.name,
  shortName: o.short_name,
  country: o.country,
  website: o.website,
});
