// e2e helpers for the logbook: set up a municipality's institution, supervisor, volunteer and entries through the API.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { rigaDate } from '../../lib/domain/clock.js';
import type { TokenRequest } from '../../lib/local/identity-provider.js';
import { aPaperConsent } from './consent.js';

export type Caller = (method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }) =>
  Promise<{ status: number; headers: Headers; text: string; json: any }>;
export type Signer = (request: TokenRequest) => Promise<string>;

/** 1 January of the year `n` years before the current one (so ages stay right whatever year the suite runs). */
export const bornYearsAgo = (n: number) => `${Number(rigaDate(new Date()).slice(0, 4)) - n}-01-01`;

/** A Riga date `n` days before today. */
export const daysAgo = (n: number) => rigaDate(new Date(Date.now() - n * 86_400_000));

export async function expectStatus<T extends { status: number; text: string }>(res: Promise<T> | T, status: number): Promise<T> {
  const r = await res;
  expect(r.status, r.text).toBe(status);
  return r;
}

export interface World {
  municipality: string;
  institutionId: string;
  coordinator: string;
  supervisor: string;
  supervisorIds: string[];
  supervisors: string[];
}

/** A municipality with one institution and `supervisorCount` assigned supervisors. */
export async function aWorld(call: Caller, sign: Signer, municipality: string, supervisorCount = 1): Promise<World> {
  const coordinator = await sign({ role: 'coordinator', sub: `c-${randomUUID()}`, municipality });
  const inst = await expectStatus(call('POST', `/v1/municipalities/${municipality}/institutions`, { token: coordinator, body: { name: 'Jaunatnes centrs "Ķīpsala"' } }), 201);
  const supervisorIds = Array.from({ length: supervisorCount }, () => `s-${randomUUID()}`);
  const supervisors: string[] = [];
  for (const sub of supervisorIds) {
    await expectStatus(call('PUT', `/v1/institutions/${inst.json.id}/supervisors/${sub}`, { token: coordinator }), 200);
    supervisors.push(await sign({ role: 'supervisor', sub, municipality, institution: inst.json.id }));
  }
  return { municipality, institutionId: inst.json.id, coordinator, supervisor: supervisors[0]!, supervisorIds, supervisors };
}

/**
 * A youth with a profile in the municipality (an adult unless a birth date is given). A `guardianConsent` is not the
 * youth's to declare: it is recorded as a coordinator's paper consent with its scan (test/support/consent.ts).
 */
export async function aYouth(call: Caller, sign: Signer, municipality: string, profile: Record<string, unknown> = {}) {
  const { guardianConsent, ...own } = profile as { guardianConsent?: { name: string; relation: string; date: string } | null };
  const sub = `y-${randomUUID()}`;
  const token = await sign({ role: 'youth', sub, municipality });
  await expectStatus(call('PUT', '/v1/volunteers/me', {
    token, body: { name: 'Ērika Šņore', birthDate: bornYearsAgo(20), email: 'erika@example.lv', municipality, ...own },
  }), 200);
  if (guardianConsent) await expectStatus(aPaperConsent(call, sign, municipality, sub, guardianConsent), 200);
  return { sub, token };
}

export async function anEntry(call: Caller, token: string, institutionId: string, overrides: Record<string, unknown> = {}) {
  const res = await expectStatus(call('POST', '/v1/hour-entries', {
    token, body: { institutionId, date: daysAgo(1), minutes: 60, activity: 'Pasākuma organizēšana', category: 'events', ...overrides },
  }), 201);
  return res.json as { id: string; minutes: number; date: string };
}
