// Demo data for the local stack: the municipality registry and a handful of demo identities.
import type { TokenRequest } from './identity-provider.js';

/** Demo identities in Jēkabpils (LV-042), the municipality where the logbook began, plus JSPA. */
export const DEMO_USERS: readonly (TokenRequest & { label: string })[] = [
  { label: 'youth (Jēkabpils)', role: 'youth', sub: 'demo-youth-1', municipality: 'LV-042', name: 'Ģirts Ķēniņš-Šņore', email: 'girts@example.lv' },
  { label: 'supervisor (Jēkabpils, demo institution)', role: 'supervisor', sub: 'demo-supervisor-1', municipality: 'LV-042', institution: 'demo-institution-1', name: 'Līga Bērziņa', email: 'liga.berzina@example.lv' },
  { label: 'coordinator (Jēkabpils)', role: 'coordinator', sub: 'demo-coordinator-042', municipality: 'LV-042', name: 'Anna Ozola', email: 'anna.ozola@example.lv' },
  { label: 'agency (JSPA)', role: 'agency', sub: 'demo-agency-1', name: 'Jānis Kalniņš', email: 'janis.kalnins@example.lv' },
];
