import { z } from 'zod';
import { HttpUrl, Id, OptionalText, Text } from './common.ts';
import { ORGANISATION_PARTS } from './enums.ts';
import { patchOf } from './patch.ts';

export const Organisation = z.object({
  id: Id,
  name: z.string(),
  shortName: z.string(),
  country: z.string(),
  website: z.string(),
});
export type Organisation = z.infer<typeof Organisation>;

export const OrganisationInput = z.strictObject({
  name: Text(200),
  shortName: OptionalText(40),
  country: OptionalText(100),
  website: z.union([HttpUrl(300), z.literal('')]).default(''),
});
export const OrganisationPatch = patchOf(OrganisationInput);

export const SeriesOrganisation = z.object({
  organisationId: Id,
  part: z.enum(ORGANISATION_PARTS),
  name: z.string(),
  shortName: z.string(),
});

export const Delegation = z.object({
  id: Id,
  seriesId: Id,
  name: z.string(),
  position: z.number().int(),
});
export type Delegation = z.infer<typeof Delegation>;
export const DelegationInput = z.strictObject({
  name: Text(100),
  position: z.number().int().min(0).max(100).optional(),
});

export const Series = z.object({
  id: Id,
  slug: z.string(),
  title: z.string(),
  trackLabel: z.string(),
  description: z.string(),
  /** No released number describes fewer voters (docs/confidentiality.md). */
  kAnonymity: z.number().int(),
  delegations: z.array(Delegation),
  organisations: z.array(SeriesOrganisation),
  createdAt: z.string(),
});
export type Series = z.infer<typeof Series>;

export const Slug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');

/** Releases describe at least k voters: never fewer than 3 (two could subtract each other). */
export const K_ANONYMITY_MIN = 3;
export const K_ANONYMITY_DEFAULT = 5;
export const KAnonymity = z.number().int().min(K_ANONYMITY_MIN).max(50);

export const SeriesInput = z.strictObject({
  slug: Slug,
  title: Text(300),
  trackLabel: OptionalText(60),
  description: OptionalText(5000),
  kAnonymity: KAnonymity.default(K_ANONYMITY_DEFAULT),
  /** Two or more sides, e.g. ["United States", "Pakistan"]. */
  delegations: z
    .array(Text(100))
    .min(2, 'a series needs at least two delegations')
    .max(12)
    .optional(),
});
export const SeriesPatch = patchOf(SeriesInput.omit({ delegations: true }));
export const DelegationPatch = patchOf(DelegationInput);

export const SeriesOrganisationInput = z.strictObject({
  organisationId: Id,
  part: z.enum(ORGANISATION_PARTS),
});
