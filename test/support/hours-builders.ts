// Builders for logbook fixtures: a volunteer, an institution, an entry, a programme — fresh objects every call.
import { defaultProgramme, type EntryInput, type HourEntry, type Institution, type Programme, type Volunteer } from '../../lib/domain/hours/types.js';

export function aVolunteer(overrides: Partial<Volunteer> = {}): Volunteer {
  return {
    id: 'y-1', name: 'Ģirts Ķēniņš', birthDate: '2005-06-15', email: 'girts@example.lv', municipality: 'LV-042',
    inBasicSchool: false, guardianConsent: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export function anInstitution(overrides: Partial<Institution> = {}): Institution {
  return {
    id: 'inst-1', name: 'Jēkabpils bibliotēka', municipality: 'LV-042', active: true,
    createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'c-1', ...overrides,
  };
}

export function anEntryInput(overrides: Partial<EntryInput> = {}): EntryInput {
  return { institutionId: 'inst-1', date: '2026-03-10', minutes: 60, activity: 'Grāmatu šķirošana', category: 'culture', ...overrides };
}

export function anHourEntry(overrides: Partial<HourEntry> = {}): HourEntry {
  return {
    ...anEntryInput(), id: 'e-1', volunteerId: 'y-1', volunteerName: 'Ģirts Ķēniņš', programme: 'LV-042',
    institutionMunicipality: 'LV-042', institutionName: 'Jēkabpils bibliotēka', state: 'pending', approvedMinutes: 0,
    decidedBy: null, decidedAt: null, comment: null, version: 1, createdAt: '2026-03-10T10:00:00.000Z', ...overrides,
  };
}

export function aProgramme(overrides: Partial<Programme> = {}): Programme {
  return { ...defaultProgramme('LV-042'), ...overrides };
}
