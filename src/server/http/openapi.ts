import { z } from 'zod';
import { Problem } from '../../domain/common.ts';

interface Documented {
  method: string;
  url: string;
  summary: string;
  tags: string[];
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response?: z.ZodType;
  status?: number;
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const s = jsonSchema(schema, 'input') as {
    properties?: Record<string, unknown>;
    required?: string[];
  };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => ({
    name,
    in: where,
    required: where === 'path' || (s.required ?? []).includes(name),
    schema: prop,
  }));
}

/** Collects every route's schemas and renders the OpenAPI 3.1 document. */
export class OpenApiRegistry {
  readonly routes: Documented[] = [];

  add(route: Documented) {
    this.routes.push(route);
  }

  document(version: string) {
    const paths: Record<string, Record<string, unknown>> = {};
    const problem = {
      description: 'A problem (RFC 9457)',
      content: { 'application/problem+json': { schema: jsonSchema(Problem, 'output') } },
    };
    for (const r of this.routes) {
      const status = String(r.status ?? (r.response ? 200 : 204));
      paths[r.url] ??= {};
      paths[r.url][r.method.toLowerCase()] = {
        summary: r.summary,
        tags: r.tags,
        parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
        ...(r.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: jsonSchema(r.body, 'input') } },
              },
            }
          : {}),
        responses: {
          [status]: r.response
            ? {
                description: 'OK',
                content: { 'application/json': { schema: jsonSchema(r.response, 'output') } },
              }
            : { description: 'No content' },
          '4XX': problem,
        },
      };
    }
    return {
      openapi: '3.1.0',
      info: {
        title: 'Parley API',
        version,
        description: 'Track-II dialogue series: planning, deliberation, analysis, outcomes.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'parley_session' } },
      },
      security: [{}, { session: [] }],
      paths,
    };
  }
}
