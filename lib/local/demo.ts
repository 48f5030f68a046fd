// Demo data for the local stack: the municipality registry and a handful of demo identities, real accounts in cognito-local.
import type { TokenRequest } from './identity-provider.js';

export interface DemoUser extends TokenRequest {
  label: string;
  email: string;
  /** The demo account's password in cognito-local (printed by npm start; local only). */
  password: string;
}

/** Demo identities in Jēkabpils (LV-042), the municipality where the logbook began, plus JSPA. */
export const DEMO_USERS: readonly DemoUser[] = [
  { label: 'youth (Jēkabpils)', role: 'youth', sub: 'demo-youth-1', municipality: 'LV-042', name: 'Ģirts Ķēniņš-Šņore', email: 'girts@example.lv', password: 'Demo-Jaunietis-2026!' },
  { label: 'supervisor (Jēkabpils, demo institution)', role: 'supervisor', sub: 'demo-supervisor-1', municipality: 'LV-042', institution: 'demo-institution-1', name: 'Līga Bērziņa', email: 'liga.berzina@example.lv', password: 'Demo-Vaditaja-2026!' },
  { label: 'coordinator (Jēkabpils)', role: 'coordinator', sub: 'demo-coordinator-042', municipality: 'LV-042', name: 'Anna Ozola', email: 'anna.ozola@example.lv', password: 'Demo-Koordinatore-2026!' },
  { label: 'agency (JSPA)', role: 'agency', sub: 'demo-agency-1', name: 'Jānis Kalniņš', email: 'janis.kalnins@example.lv', password: 'Demo-Agentura-2026!' },
];
