import { z } from 'zod';

function withoutDefault(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault) s = s.unwrap() as z.ZodType;
  return s;
}

/**
 * The PATCH form of an input schema: every field optional and, unlike zod's `.partial()`,
 * no defaults, so a field the client did not send stays untouched instead of being reset
 * (`OrganisationInput.partial().parse({ name })` would set shortName to '').
 * Cross-field refinements are not carried over: services check them on the merged record.
 */
export function patchOf<S extends z.ZodRawShape>(
  schema: z.ZodObject<S>,
): z.ZodType<Partial<z.output<z.ZodObject<S>>>, Partial<z.input<z.ZodObject<S>>>> {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      withoutDefault(field as z.ZodType).optional(),
    ]),
  );
  return z.strictObject(shape) as unknown as z.ZodType<
    Partial<z.output<z.ZodObject<S>>>,
    Partial<z.input<z.ZodObject<S>>>
  >;
}
