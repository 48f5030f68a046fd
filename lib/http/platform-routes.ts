// The platform context's routes: health, API documents, the municipality registry and the signed-in identity.
import * as z from 'zod';
import { ROLES, userSchema } from '../domain/identity/types.js';
import { isoDate, municipalityCode, municipalityDetailSchema, municipalitySchema, storedYouthContactSchema, youthContactSchema } from '../domain/municipalities/types.js';
import { defineRoute, type RouteDef } from './route.js';

const ALL_ROLES = ROLES;

/** The platform context: health, API documents, the municipality registry and the signed-in identity. */
export const platformRoutes = {
  health: defineRoute({
    id: 'getHealth', method: 'GET', path: '/health', tag: 'platform', auth: 'public',
    summary: 'Liveness and database reachability',
    response: z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'unavailable']), time: z.string() }),
    problems: [503],
    entry: 'functions/http/platform/get-health.ts',
  }),
  openapi: defineRoute({
    id: 'getOpenApi', method: 'GET', path: '/openapi.json', tag: 'platform', auth: 'public',
    summary: 'This OpenAPI 3.1 document', table: 'none',
    entry: 'functions/http/platform/get-openapi.ts',
  }),
  docs: defineRoute({
    id: 'getDocs', method: 'GET', path: '/docs', tag: 'platform', auth: 'public',
    summary: 'API reference page (Swagger UI, served from the npm package, no CDN)', produces: 'text/html', table: 'none',
    entry: 'functions/http/platform/get-docs.ts',
  }),
  docsAsset: defineRoute({
    id: 'getDocsAsset', method: 'GET', path: '/docs/{asset}', tag: 'platform', auth: 'public',
    summary: 'Static asset of the API reference page', produces: 'application/javascript', table: 'none',
    params: z.object({ asset: z.enum(['swagger-ui-bundle.js', 'swagger-ui.css', 'init.js']) }),
    problems: [404],
    entry: 'functions/http/platform/get-docs.ts',
  }),
  listMunicipalities: defineRoute({
    id: 'listMunicipalities', method: 'GET', path: '/v1/municipalities', tag: 'municipalities', auth: 'public',
    summary: 'All municipalities (pašvaldības) with ISO codes, names and validity; optionally only those existing on a date',
    query: z.object({ validOn: isoDate.optional().describe('YYYY-MM-DD: keep only municipalities existing on this day') }),
    response: z.object({ items: z.array(municipalitySchema) }),
    entry: 'functions/http/municipalities/list-municipalities.ts',
  }),
  getMunicipality: defineRoute({
    id: 'getMunicipality', method: 'GET', path: '/v1/municipalities/{code}', tag: 'municipalities', auth: 'public',
    summary: 'One municipality by ISO 3166-2:LV code',
    params: z.object({ code: municipalityCode }),
    response: municipalityDetailSchema,
    problems: [404],
    entry: 'functions/http/municipalities/get-municipality.ts',
  }),
  setYouthContact: defineRoute({
    id: 'setYouthContact', method: 'PUT', path: '/v1/municipalities/{code}/youth-contact', tag: 'municipalities',
    auth: ['coordinator', 'agency'],
    summary: "Set the municipality's public youth affairs contact (coordinators of that municipality, or the agency)",
    params: z.object({ code: municipalityCode }),
    body: youthContactSchema.strict(),
    response: storedYouthContactSchema,
    problems: [404],
    entry: 'functions/http/municipalities/set-youth-contact.ts',
  }),
  getMe: defineRoute({
    id: 'getMe', method: 'GET', path: '/v1/me', tag: 'identity', auth: ALL_ROLES,
    summary: 'The signed-in user: identity, role and municipality from the token',
    response: userSchema.extend({
      municipality: z.object({ code: municipalityCode, name: z.string(), nameEn: z.string() }).nullable(),
    }),
    entry: 'functions/http/identity/get-me.ts',
  }),
} satisfies Record<string, RouteDef>;
