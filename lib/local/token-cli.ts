// `npm run token -- --role supervisor --sub u-123 --municipality LV-042 --institution i-1`: prints a local token.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as z from 'zod';
import { ROLES } from '../domain/identity/types.js';
import { municipalityCode } from '../domain/municipalities/types.js';
import { loadOrCreateKeys, signToken } from './identity-provider.js';
import { PROJECT_ROOT } from './stack.js';

const { values } = parseArgs({
  options: {
    role: { type: 'string' }, sub: { type: 'string' }, municipality: { type: 'string' }, institution: { type: 'string' },
    email: { type: 'string' }, name: { type: 'string' }, 'expires-in': { type: 'string', default: '3600' },
    // --no-mfa: a coordinator or agency token without TOTP, which the API refuses (identity.mfa-required)
    mfa: { type: 'boolean', default: true },
  },
  allowNegative: true,
});

const schema = z.object({
  role: z.enum(ROLES),
  sub: z.string().min(1).default(() => `u-${Math.random().toString(36).slice(2, 10)}`),
  municipality: municipalityCode.optional(),
  institution: z.string().min(1).optional(),
  email: z.email().optional(),
  name: z.string().min(1).optional(),
  'expires-in': z.coerce.number().int(),
  mfa: z.boolean(),
}).refine((v) => v.role === 'agency' || v.municipality, { message: 'every role but agency needs --municipality', path: ['municipality'] })
  .refine((v) => v.role !== 'supervisor' || v.institution, { message: 'a supervisor needs --institution', path: ['institution'] });

const parsed = schema.safeParse(values);
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join('.')}: ${issue.message}`);
  console.error(`usage: npm run token -- --role ${ROLES.join('|')} [--sub ID] [--municipality LV-042] [--institution ID] [--expires-in SECONDS] [--no-mfa]`);
  process.exit(2);
}
const keys = await loadOrCreateKeys(join(PROJECT_ROOT, '.local', 'jwt-key.json'));
const { 'expires-in': expiresIn, ...rest } = parsed.data;
console.log(await signToken(keys, { ...rest, expiresIn }));
