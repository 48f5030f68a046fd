// Supervisor decisions by email link on in-memory ports: GET only shows, POST decides once through decide-entry,
// and expired, used, tampered or CSRF-less requests decide nothing.
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { HmacLinkSigner } from '../../../../lib/credentials/link-signer.js';
import { parseLinkToken, type DecisionLink, type DecisionLinkStore } from '../../../../lib/domain/hours/decision-links.js';
import { createDecisionLinks, decideByLink, openDecisionLink, type DecisionLinkDeps } from '../../../../lib/domain/hours/use-cases/decision-links.js';
import type { User } from '../../../../lib/domain/identity/types.js';
import { anHourEntry, anInstitution } from '../../../support/hours-builders.js';
import { InMemoryHoursRepository } from '../../../support/in-memory-hours.js';

/** Supervisors a coordinator deactivated (the accounts context's invitation records in the wiring). */
const deactivated = new Set<string>();

const supervisor: User = { sub: 's-1', role: 'supervisor', municipality: 'LV-042', institution: 'inst-1', email: 's@example.lv', name: 'Līga' };

let hours: InMemoryHoursRepository;
let now: Date;
let deps: DecisionLinkDeps;

beforeEach(async () => {
  hours = new InMemoryHoursRepository();
  now = new Date('2026-03-11T08:00:00.000Z');
  const links: DecisionLinkStore = {
    create: async (l: DecisionLink) => { hours.links.set(l.nonce, structuredClone(l)); },
    get: async (n: string) => structuredClone(hours.links.get(n)),
  };
  const key = randomBytes(32);
  deps = {
    hours, links, municipalities: { get: async () => undefined }, clock: { now: () => now },
    signer: new HmacLinkSigner(async () => key), newNonce: () => randomBytes(16).toString('base64url'),
    staff: { isActive: async (sub) => !deactivated.has(sub) },
  };
  await hours.createInstitution(anInstitution());
  await hours.putAssignment({ institutionId: 'inst-1', supervisorId: 's-1', municipality: 'LV-042', assignedAt: '2026-01-01T00:00:00.000Z', assignedBy: 'c-1' });
  await hours.createEntry(anHourEntry(), { volunteerId: 'y-1', programme: 'LV-042', year: 2026, approvedMinutes: 0, pendingMinutes: 60, eligible: false, thresholdReachedAt: null, version: 1 },
    { entryId: 'e-1', at: '2026-03-10T10:00:00.000Z', by: 'y-1', from: null, to: 'pending', reason: null }, []);
});

const entry = async () => (await hours.getEntry('e-1'))!;

describe('decision links', () => {
  it('carry nothing personal: an opaque nonce and its HMAC', async () => {
    const tokens = await createDecisionLinks(deps, supervisor, await entry());
    for (const token of Object.values(tokens)) {
      expect(parseLinkToken(token)).not.toBeNull();
      expect(token).not.toMatch(/e-1|s-1|y-1|LV-042|inst/);
    }
    expect(new Set(Object.values(tokens)).size).toBe(3);
  });

  it("a deactivated supervisor's links show revoked and decide nothing; reactivated, they work again", async () => {
    const { approve } = await createDecisionLinks(deps, supervisor, await entry());
    const page = await openDecisionLink(deps, approve);
    const csrf = (page as { csrf: string }).csrf;
    deactivated.add(supervisor.sub);
    try {
      expect((await openDecisionLink(deps, approve)).state).toBe('revoked');
      expect((await decideByLink(deps, approve, { csrf })).state).toBe('revoked');
      expect((await entry()).state).toBe('pending');
    } finally {
      deactivated.delete(supervisor.sub);
    }
    expect((await decideByLink(deps, approve, { csrf })).state).toBe('done');
  });

  it('GET shows a confirmation and writes nothing, however often a previewer opens it', async () => {
    const { approve } = await createDecisionLinks(deps, supervisor, await entry());
    for (let i = 0; i < 3; i++) expect((await openDecisionLink(deps, approve)).state).toBe('confirm');
    expect((await entry()).state).toBe('pending');
    expect(hours.audit).toHaveLength(1);
  });

  it('POST with the page\'s CSRF token decides once through decide-entry, audited as by email link; a second POST is "used"', async () => {
    const { approve } = await createDecisionLinks(deps, supervisor, await entry());
    const page = await openDecisionLink(deps, approve);
    if (page.state !== 'confirm') throw new Error(page.state);
    const done = await decideByLink(deps, approve, { csrf: page.csrf });
    expect(done.state).toBe('done');
    expect(await entry()).toMatchObject({ state: 'approved', approvedMinutes: 60, decidedBy: 's-1' });
    expect(hours.audit.at(-1)).toMatchObject({ entryId: 'e-1', by: 's-1', to: 'approved', via: 'email-link' });
    expect(hours.outbox.map((e) => e.type)).toContain('HoursApproved');
    expect((await decideByLink(deps, approve, { csrf: page.csrf })).state).toBe('used');
    expect(hours.audit).toHaveLength(2);
  });

  it('a sibling link of a decided entry says so and decides nothing', async () => {
    const tokens = await createDecisionLinks(deps, supervisor, await entry());
    const page = await openDecisionLink(deps, tokens.approve);
    if (page.state !== 'confirm') throw new Error(page.state);
    await decideByLink(deps, tokens.approve, { csrf: page.csrf });
    const reject = await openDecisionLink(deps, tokens.reject);
    expect(reject.state).toBe('decided');
  });

  it('refuses a tampered token, a missing or wrong CSRF token and an expired link, writing nothing', async () => {
    const { approve, reject } = await createDecisionLinks(deps, supervisor, await entry());
    const flipped = approve.slice(0, -1) + (approve.endsWith('A') ? 'B' : 'A');
    expect((await openDecisionLink(deps, flipped)).state).toBe('invalid');
    expect((await openDecisionLink(deps, 'not-a-token')).state).toBe('invalid');
    expect((await decideByLink(deps, approve, {})).state).toBe('invalid');
    expect((await decideByLink(deps, approve, { csrf: 'x'.repeat(43) })).state).toBe('invalid');
    const page = await openDecisionLink(deps, reject);
    if (page.state !== 'confirm') throw new Error(page.state);
    now = new Date(now.getTime() + 15 * 86_400_000);
    expect((await openDecisionLink(deps, reject)).state).toBe('expired');
    expect((await decideByLink(deps, reject, { csrf: page.csrf, comment: 'nē' })).state).toBe('expired');
    expect((await entry()).state).toBe('pending');
    expect(hours.audit).toHaveLength(1);
  });

  it('asks again for a missing reason or a disallowed number of minutes (the same rules as the API)', async () => {
    const tokens = await createDecisionLinks(deps, supervisor, await entry());
    const page = await openDecisionLink(deps, tokens['approve-fewer']);
    if (page.state !== 'confirm') throw new Error(page.state);
    expect(await decideByLink(deps, tokens['approve-fewer'], { csrf: page.csrf, approvedMinutes: 30 })).toMatchObject({ state: 'confirm', problem: { field: 'comment' } });
    expect(await decideByLink(deps, tokens['approve-fewer'], { csrf: page.csrf, approvedMinutes: 50, comment: 'Mazāk' })).toMatchObject({ state: 'confirm', problem: { field: 'body.approvedMinutes' } });
    expect((await entry()).state).toBe('pending');
    const done = await decideByLink(deps, tokens['approve-fewer'], { csrf: page.csrf, approvedMinutes: 45, comment: 'Mazāk' });
    expect(done.state).toBe('done');
    expect(await entry()).toMatchObject({ state: 'approved', approvedMinutes: 45 });
  });
});
