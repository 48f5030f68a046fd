// Builds the OpenAPI 3.1 document from the route table: every route, its auth, its inputs and its error shapes.
import * as z from 'zod';
import { problemSchema } from './problem.js';
import type { RouteDef } from './route.js';
import { routeList } from './routes.js';

type Json = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Json;

function parametersOf(route: RouteDef): Json[] {
  const out: Json[] = [];
  for (const [where, schema] of [['path', route.params], ['query', route.query], ['header', route.headers]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, 'input');
    const props = (json.properties ?? {}) as Record<string, Json>;
    const required = new Set((json.required ?? []) as string[]);
    for (const [name, prop] of Object.entries(props)) {
      const { description, ...rest } = prop;
      out.push({ name, in: where, required: where === 'path' || required.has(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  return out;
}

const PROBLEM_TEXT: Record<number, string> = {
  400: 'Invalid input: every failing field with the rule it broke',
  401: 'Missing, expired or wrongly signed token',
  403: 'Role or municipality not allowed',
  404: 'Not found',
  409: 'Conflict with the current state',
  422: 'A business rule was broken (see `rule`)',
  500: 'Unexpected error (a bug): fixed message and a correlation id',
  503: 'A dependency is unavailable',
};

function problemStatuses(route: RouteDef): number[] {
  const statuses = new Set<number>(route.problems ?? []);
  if (route.params || route.query || route.body) statuses.add(400);
  if (route.auth !== 'public') { statuses.add(401); statuses.add(403); }
  statuses.add(500);
  return [...statuses].sort();
}

function operation(route: RouteDef): Json {
  const responses: Json = {};
  const success = String(route.successStatus ?? 200);
  responses[success] = {
    description: 'Success',
    content: route.response
      ? { 'application/json': { schema: schemaOf(route.response, 'output') } }
      : { [route.produces ?? 'application/json']: {} },
  };
  for (const status of problemStatuses(route)) {
    responses[String(status)] = {
      description: PROBLEM_TEXT[status] ?? 'Problem',
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  return {
    operationId: route.id,
    summary: route.summary,
    tags: [route.tag],
    ...(route.auth === 'public'
      ? { security: [] }
      : { security: [{ bearer: [] }], 'x-roles': route.auth, description: `Roles: ${route.auth.join(', ')}.` }),
    parameters: [
      ...parametersOf(route),
      { name: 'Accept-Language', in: 'header', required: false, schema: { type: 'string', default: 'lv' }, description: 'lv (default) or en for error titles and documents' },
      { name: 'x-correlation-id', in: 'header', required: false, schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' } },
    ],
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } } } : {}),
    responses,
  };
}

export function buildOpenApi(options: { serverUrl?: string; routes?: readonly RouteDef[] } = {}): Json {
  const paths: Record<string, Json> = {};
  for (const route of options.routes ?? routeList) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Jaunatnes darba platforma — API',
      version: '0.1.0',
      description: 'Volunteer-hours logbook, certificates, Recovery Fund allocation and project applications for Latvian municipal youth work. Errors are RFC 9457 problem+json.',
    },
    servers: [{ url: options.serverUrl ?? '/' }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito ID token (locally: npm run token). Claims: cognito:groups, custom:municipality, custom:institution.' },
      },
      schemas: { Problem: schemaOf(problemSchema, 'output') },
    },
  };
}
