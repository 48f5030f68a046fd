import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hoursRoutes } from '../../lib/http/hours-routes.js';
import { aWorld, aYouth, anEntry, bornYearsAgo, daysAgo, expectStatus, type World } from '../support/hours-api.js';
import { call, tokenFor } from '../support/http.js';

const M = 'LV-073';
const OTHER = 'LV-077';
type Who = 'none' | 'youth' | 'supervisor' | 'supervisorOther' | 'coordinator' | 'coordinatorOther' | 'agency';
const WHO: Who[] = ['none', 'youth', 'supervisor', 'supervisorOther', 'coordinator', 'coordinatorOther', 'agency'];

let world: World;
let tokens: Record<Exclude<Who, 'none'>, string>;
let youthSub: string;
const year = daysAgo(1).slice(0, 4);

beforeAll(async () => {
  world = await aWorld(call, tokenFor, M);
  const youth = await aYouth(call, tokenFor, M);
  youthSub = youth.sub;
  const otherSupervisor = `s-${randomUUID()}`;
  // The other municipality's supervisor is even assigned to the institution: the municipality check must still refuse.
  await expectStatus(call('PUT', `/v1/institutions/${world.institutionId}/supervisors/${otherSupervisor}`, { token: world.coordinator }), 200);
  tokens = {
    youth: youth.token,
    supervisor: world.supervisor,
    supervisorOther: await tokenFor({ role: 'supervisor', sub: otherSupervisor, municipality: OTHER, institution: world.institutionId }),
    coordinator: world.coordinator,
    coordinatorOther: await tokenFor({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality: OTHER }),
    agency: await tokenFor({ role: 'agency', sub: `a-${randomUUID()}` }),
  };
});

let day = 1;
const pending = async () => anEntry(call, tokens.youth, world.institutionId, { date: daysAgo(1 + (day++ % 20)), minutes: 15 });
const approved = async () => {
  const e = await pending();
  await expectStatus(call('POST', `/v1/hour-entries/${e.id}/decision`, { token: tokens.supervisor, body: { decision: 'approve' } }), 200);
  return e;
};
const newInstitution = async () => (await expectStatus(call('POST', `/v1/municipalities/${M}/institutions`, { token: tokens.coordinator, body: { name: 'Skola' } }), 201)).json.id as string;

/** How to call each route (fresh resources where the call changes state) and who may. */
const CASES: Record<keyof typeof hoursRoutes, { request: () => Promise<{ method: string; path: string; body?: unknown }>; allowed: Partial<Record<Who, number>> }> = {
  putMyVolunteerProfile: { request: async () => ({ method: 'PUT', path: '/v1/volunteers/me', body: { name: 'Ērika', birthDate: bornYearsAgo(20), email: 'e@example.lv', municipality: M } }), allowed: { youth: 200 } },
  getMyVolunteerProfile: { request: async () => ({ method: 'GET', path: '/v1/volunteers/me' }), allowed: { youth: 200 } },
  listMyHourEntries: { request: async () => ({ method: 'GET', path: `/v1/volunteers/me/hour-entries?year=${year}` }), allowed: { youth: 200 } },
  getMyHoursProgress: { request: async () => ({ method: 'GET', path: '/v1/volunteers/me/progress' }), allowed: { youth: 200 } },
  submitHourEntry: { request: async () => ({ method: 'POST', path: '/v1/hour-entries', body: { institutionId: world.institutionId, date: daysAgo(1 + (day++ % 20)), minutes: 15, activity: 'x', category: 'other' } }), allowed: { youth: 201 } },
  decideHourEntry: { request: async () => ({ method: 'POST', path: `/v1/hour-entries/${(await pending()).id}/decision`, body: { decision: 'approve' } }), allowed: { supervisor: 200 } },
  decideHourEntries: { request: async () => ({ method: 'POST', path: '/v1/hour-entries/decisions', body: { items: [{ entryId: (await pending()).id, decision: { decision: 'approve' } }] } }), allowed: { supervisor: 207, supervisorOther: 207 } },
  reverseHourEntry: { request: async () => ({ method: 'POST', path: `/v1/hour-entries/${(await approved()).id}/reversal`, body: { reason: 'Kļūda' } }), allowed: { coordinator: 200, agency: 200 } },
  getSupervisorQueue: { request: async () => ({ method: 'GET', path: '/v1/supervisors/me/queue' }), allowed: { supervisor: 200, supervisorOther: 200 } },
  registerInstitution: { request: async () => ({ method: 'POST', path: `/v1/municipalities/${M}/institutions`, body: { name: 'Bibliotēka' } }), allowed: { coordinator: 201, agency: 201 } },
  listInstitutions: { request: async () => ({ method: 'GET', path: `/v1/municipalities/${M}/institutions` }), allowed: { youth: 200, supervisor: 200, coordinator: 200, agency: 200 } },
  setInstitutionActive: { request: async () => ({ method: 'PUT', path: `/v1/institutions/${await newInstitution()}/active`, body: { active: false } }), allowed: { coordinator: 200, agency: 200 } },
  assignSupervisor: { request: async () => ({ method: 'PUT', path: `/v1/institutions/${world.institutionId}/supervisors/s-${randomUUID()}` }), allowed: { coordinator: 200, agency: 200 } },
  getHoursProgramme: { request: async () => ({ method: 'GET', path: `/v1/municipalities/${M}/hours-programme` }), allowed: { youth: 200, supervisor: 200, coordinator: 200, agency: 200 } },
  putHoursProgramme: { request: async () => ({ method: 'PUT', path: `/v1/municipalities/${M}/hours-programme`, body: {} }), allowed: { coordinator: 200, agency: 200 } },
  getHoursReport: { request: async () => ({ method: 'GET', path: `/v1/municipalities/${M}/hours-report` }), allowed: { coordinator: 200, agency: 200 } },
  getHoursReportCsv: { request: async () => ({ method: 'GET', path: `/v1/municipalities/${M}/hours-report.csv?year=${year}` }), allowed: { coordinator: 200, agency: 200 } },
  exportMyHoursCsv: { request: async () => ({ method: 'GET', path: `/v1/volunteers/me/hours.csv?year=${year}` }), allowed: { youth: 200 } },
  exportMyHoursPdf: { request: async () => ({ method: 'GET', path: `/v1/volunteers/me/hours.pdf?year=${year}` }), allowed: { youth: 200 } },
};

describe('authorisation matrix of the hours routes', () => {
  const rows = Object.entries(CASES).flatMap(([route, c]) => WHO.map((who) => [route, who, who === 'none' ? 401 : (c.allowed[who] ?? 403)] as const));

  it.each(rows)('%s as %s → %i', async (route, who, expected) => {
    const { method, path, body } = await CASES[route as keyof typeof CASES].request();
    const res = await call(method, path, { token: who === 'none' ? undefined : tokens[who], body });
    expect(res.status, res.text).toBe(expected);
    if (expected >= 400) expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('reports a bulk decision by a supervisor of another municipality as 403 for the item and leaves the entry pending', async () => {
    const e = await pending();
    const res = await call('POST', '/v1/hour-entries/decisions', { token: tokens.supervisorOther, body: { items: [{ entryId: e.id, decision: { decision: 'approve' } }] } });
    expect(res.json.items).toEqual([expect.objectContaining({ entryId: e.id, status: 403 })]);
    const queue = await call('GET', '/v1/supervisors/me/queue', { token: tokens.supervisorOther });
    expect(queue.json.items).toEqual([]);
    expect((await call('GET', '/v1/supervisors/me/queue', { token: tokens.supervisor })).json.items.map((x: { id: string }) => x.id)).toContain(e.id);
  });

  it('covers every hours route', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(hoursRoutes).sort());
    expect(youthSub).toMatch(/^y-/);
  });
});
