// Demo data for the logbook on `npm start`: a Jēkabpils institution with the demo supervisor, and the demo youth's profile.
import { ConflictError } from '../domain/errors.js';
import type { HoursRepository } from '../domain/hours/ports.js';
import { DEMO_USERS } from './demo.js';

export const DEMO_INSTITUTION_ID = '00000000-0000-4000-8000-000000000042';

/** Idempotent: creates only what is missing, so a persisted local table keeps the user's own changes. */
export async function seedDemoHours(deps: { hours: HoursRepository }, now = new Date()): Promise<void> {
  const at = now.toISOString();
  const supervisor = DEMO_USERS.find((u) => u.role === 'supervisor');
  const youth = DEMO_USERS.find((u) => u.role === 'youth');
  if (!(await deps.hours.getInstitution(DEMO_INSTITUTION_ID))) {
    try {
      await deps.hours.createInstitution({ id: DEMO_INSTITUTION_ID, name: 'Jēkabpils jauniešu centrs', municipality: 'LV-042', active: true, createdAt: at, createdBy: 'demo' });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  if (supervisor && !(await deps.hours.isAssigned(DEMO_INSTITUTION_ID, supervisor.sub))) {
    await deps.hours.putAssignment({ institutionId: DEMO_INSTITUTION_ID, supervisorId: supervisor.sub, municipality: 'LV-042', assignedAt: at, assignedBy: 'demo' });
  }
  if (youth && !(await deps.hours.getVolunteer(youth.sub))) {
    const birthYear = Number(at.slice(0, 4)) - 19;
    await deps.hours.putVolunteer({
      id: youth.sub, name: youth.name ?? 'Demo', birthDate: `${birthYear}-05-04`, email: youth.email ?? 'demo@example.lv', municipality: 'LV-042',
      inBasicSchool: false, guardianConsent: null, createdAt: at, updatedAt: at,
    });
  }
}
