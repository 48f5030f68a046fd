// The invitation use cases on in-memory ports: expiry on the clock, and an acceptance interrupted part-way that a retry completes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, RuleViolation } from '../../../../lib/domain/errors.js';
import { EmailTaken, type InvitationRepository } from '../../../../lib/domain/accounts/invitation-ports.js';
import type { Invitation } from '../../../../lib/domain/accounts/invitations.js';
import { UsernameTaken, type DirectoryUser, type StaffDirectory } from '../../../../lib/domain/accounts/ports.js';
import { acceptInvitation, inviteStaff, resendInvitation, revokeInvitation, type InvitationDeps } from '../../../../lib/domain/accounts/use-cases/invitations.js';
import { openInvitationPage, submitInvitationPage } from '../../../../lib/domain/accounts/use-cases/invitation-page.js';
import type { DomainEvent } from '../../../../lib/domain/events.js';
import type { User } from '../../../../lib/domain/identity/types.js';
import type { MailMessage } from '../../../../lib/domain/mail.js';
import { MUNICIPALITIES } from '../../../../lib/domain/municipalities/registry.js';
import { InMemoryHoursRepository } from '../../../support/in-memory-hours.js';
import type { DigestSubscription } from '../../../../lib/domain/hours/use-cases/decision-digest.js';

class MemoryInvitations implements InvitationRepository {
  items = new Map<string, Invitation>();
  locks = new Map<string, string>();
  subs = new Map<string, string>();
  outbox: DomainEvent[] = [];
  async create(i: Invitation, events: readonly DomainEvent[]) {
    if (this.locks.has(i.email)) throw new EmailTaken('taken');
    this.items.set(i.id, structuredClone(i)); this.locks.set(i.email, i.id); this.outbox.push(...events);
  }
  async get(id: string) { return structuredClone(this.items.get(id)); }
  async bySub(sub: string) { const id = this.subs.get(sub); return id ? this.get(id) : undefined; }
  async ofMunicipality(m: string | null) { return [...this.items.values()].filter((i) => i.municipality === m); }
  async update(next: Invitation, events: readonly DomainEvent[], o: { releaseEmail?: boolean; claimSub?: boolean } = {}) {
    if (this.items.get(next.id)?.version !== next.version - 1) throw new ConflictError('stale');
    this.items.set(next.id, structuredClone(next)); this.outbox.push(...events);
    if (o.releaseEmail) this.locks.delete(next.email);
    if (o.claimSub && next.sub) this.subs.set(next.sub, next.id);
  }
  signIns = new Map<string, string>();
  async recordSignIn(sub: string, at: string) {
    if (!this.subs.has(sub) || (this.signIns.get(sub) ?? '') >= at) return false;
    this.signIns.set(sub, at); return true;
  }
  async lastSignIns(subs: readonly string[]) { return new Map(subs.flatMap((s) => (this.signIns.has(s) ? [[s, this.signIns.get(s)!] as const] : []))); }
}

/** A directory whose calls can be made to fail once, as a crashed function would stop part-way. */
class MemoryDirectory implements StaffDirectory {
  users = new Map<string, DirectoryUser & { password?: string }>();
  failNext: string | undefined;
  /** Runs once as the password is set: something else happening while an acceptance is under way. */
  meanwhile: (() => Promise<unknown>) | undefined;
  private maybeFail(step: string) { if (this.failNext === step) { this.failNext = undefined; throw new Error(`crash in ${step}`); } }
  async find(email: string) { return structuredClone([...this.users.values()].find((u) => u.email === email)); }
  async create(email: string, attributes: Record<string, string>) {
    if (await this.find(email)) throw new UsernameTaken(email);
    const sub = `sub-${this.users.size + 1}`;
    const user = { sub, username: sub, email, enabled: true, status: 'FORCE_CHANGE_PASSWORD', groups: [], mfa: false, attributes: { ...attributes } };
    this.users.set(sub, user);
    this.maybeFail('create');
    return structuredClone(user);
  }
  async setAttributes(u: string, a: Record<string, string>) { this.maybeFail('attributes'); Object.assign(this.users.get(u)!.attributes, a); }
  async addToGroup(u: string, role: DirectoryUser['groups'][number]) { this.maybeFail('group'); const user = this.users.get(u)!; if (!user.groups.includes(role)) user.groups.push(role); }
  async setPassword(u: string, p: string) {
    this.maybeFail('password');
    Object.assign(this.users.get(u)!, { password: p, status: 'CONFIRMED' });
    const meanwhile = this.meanwhile;
    this.meanwhile = undefined;
    await meanwhile?.();
  }
  async setEnabled(u: string, e: boolean) { this.users.get(u)!.enabled = e; }
  async listGroup(role: DirectoryUser['groups'][number]) { return [...this.users.values()].filter((u) => u.groups.includes(role)).map(({ groups: _g, mfa: _m, password: _p, ...m }) => structuredClone(m)); }
}

function setup() {
  let now = new Date('2026-03-02T08:00:00Z');
  let n = 0;
  const mails: MailMessage[] = [];
  const subscriptions: DigestSubscription[] = [];
  const hours = new InMemoryHoursRepository();
  const invitations = new MemoryInvitations();
  hours.institutions.set('i-1', { id: 'i-1', municipality: 'LV-056', name: 'Centrs', active: true, createdAt: now.toISOString(), createdBy: 'c' } as never);
  const deps: InvitationDeps = {
    invitations, signIns: invitations, directory: new MemoryDirectory(), hours, municipalities: MUNICIPALITIES,
    mailer: { send: async (m) => { mails.push(m); return { messageId: String(mails.length) }; } },
    signer: { sign: async (purpose, value) => createHash('sha256').update(`${purpose}:${value}`).digest('base64url') },
    clock: { now: () => now }, newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    newNonce: () => `nonce${String(++n).padStart(17, '0')}`, baseUrl: 'https://api.example',
    digests: { subscribe: async (s) => { subscriptions.push(s); } },
  };
  const tokenIn = (m: MailMessage) => new URL(/https:\S+/.exec(m.text)![0]).searchParams.get('token')!;
  return { deps, mails, hours, subscriptions, tokenIn, advance: (ms: number) => { now = new Date(now.getTime() + ms); } };
}

const coordinator: User = { sub: 'c-1', role: 'coordinator', municipality: 'LV-056', institution: null, email: null, name: null };
const PASSWORD = 'Jaunatne-2026-parole!';
const DAY = 86_400_000;

describe('invitation use cases', () => {
  it('accepts until the seventh day ends, refuses after it, and works again once resent', async () => {
    const { deps, mails, tokenIn, advance } = setup();
    const invited = await inviteStaff(deps, coordinator, 'LV-056', { email: 'a@example.lv', name: 'A', role: 'coordinator', institutions: [], language: 'lv' });
    advance(7 * DAY);
    const refused = await acceptInvitation(deps, invited.id, tokenIn(mails[0]!), PASSWORD).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RuleViolation);
    expect((refused as RuleViolation).ruleId).toBe('accounts.invitation-expired');
    await resendInvitation(deps, coordinator, invited.id);
    await expect(acceptInvitation(deps, invited.id, tokenIn(mails[0]!), PASSWORD)).rejects.toThrow(/does not exist|not valid/);
    advance(7 * DAY - 1);
    await expect(acceptInvitation(deps, invited.id, tokenIn(mails[1]!), PASSWORD)).resolves.toMatchObject({ role: 'coordinator' });
  });

  it.each(['create', 'attributes', 'group', 'password'])('completes an acceptance interrupted at %s, and no usable account ever lacks its group', async (step) => {
    const { deps, mails, hours, subscriptions, tokenIn } = setup();
    const directory = deps.directory as MemoryDirectory;
    const invited = await inviteStaff(deps, coordinator, 'LV-056', { email: 's@example.lv', name: 'S', role: 'supervisor', institutions: ['i-1'], language: 'lv' });
    directory.failNext = step;
    await expect(acceptInvitation(deps, invited.id, tokenIn(mails[0]!), PASSWORD)).rejects.toThrow(`crash in ${step}`);
    for (const user of directory.users.values()) {
      // whatever was left behind cannot sign in
      expect(user.status).toBe('FORCE_CHANGE_PASSWORD');
    }
    const opened = await acceptInvitation(deps, invited.id, tokenIn(mails[0]!), PASSWORD);
    expect(directory.users.size).toBe(1);
    const user = directory.users.get(opened.sub)!;
    expect(user).toMatchObject({ status: 'CONFIRMED', groups: ['supervisor'] });
    expect(user.attributes).toMatchObject({ 'custom:municipality': 'LV-056', 'custom:institution': 'i-1' });
    expect(await hours.isAssigned('i-1', opened.sub)).toBe(true);
    // the supervisor gets the daily digest from the start, to the invited address
    expect(subscriptions.at(-1)).toMatchObject({ sub: opened.sub, municipality: 'LV-056', institution: 'i-1', email: 's@example.lv', name: 'S' });
    await expect(acceptInvitation(deps, invited.id, tokenIn(mails[0]!), PASSWORD)).rejects.toMatchObject({ ruleId: 'accounts.invitation-used' });
  });

  it('disables the account when the invitation is revoked while the acceptance runs', async () => {
    const { deps, mails, tokenIn } = setup();
    const directory = deps.directory as MemoryDirectory;
    const invited = await inviteStaff(deps, coordinator, 'LV-056', { email: 'r@example.lv', name: 'R', role: 'coordinator', institutions: [], language: 'lv' });
    directory.meanwhile = () => revokeInvitation(deps, coordinator, invited.id);
    await expect(acceptInvitation(deps, invited.id, tokenIn(mails[0]!), PASSWORD)).rejects.toMatchObject({ ruleId: 'accounts.invitation-revoked' });
    expect([...directory.users.values()].map((u) => u.enabled)).toEqual([false]);
  });

  it('completes with the new link an acceptance that lost its last write to a resend', async () => {
    const { deps, mails, tokenIn } = setup();
    const directory = deps.directory as MemoryDirectory;
    const invited = await inviteStaff(deps, coordinator, 'LV-056', { email: 'n@example.lv', name: 'N', role: 'coordinator', institutions: [], language: 'lv' });
    directory.meanwhile = () => resendInvitation(deps, coordinator, invited.id);
    await expect(acceptInvitation(deps, invited.id, tokenIn(mails[0]!), PASSWORD)).rejects.toBeInstanceOf(ConflictError);
    expect([...directory.users.values()].map((u) => u.enabled)).toEqual([false]);
    const opened = await acceptInvitation(deps, invited.id, tokenIn(mails[1]!), PASSWORD);
    expect(directory.users.size).toBe(1);
    expect(directory.users.get(opened.sub)).toMatchObject({ enabled: true, groups: ['coordinator'], status: 'CONFIRMED' });
  });

  it('never adopts an account someone already uses', async () => {
    const { deps, mails, tokenIn } = setup();
    const invited = await inviteStaff(deps, coordinator, 'LV-056', { email: 'x@example.lv', name: 'X', role: 'coordinator', institutions: [], language: 'en' });
    const directory = deps.directory as MemoryDirectory;
    const other = await directory.create('x@example.lv', {});
    await directory.setPassword(other.username, PASSWORD);
    await expect(acceptInvitation(deps, invited.id, tokenIn(mails[0]!), PASSWORD)).rejects.toBeInstanceOf(ConflictError);
  });

  it('writes nothing and sends nothing when the rule refuses', async () => {
    const { deps, mails } = setup();
    const error = await inviteStaff(deps, coordinator, 'LV-RIX', { email: 'r@example.lv', name: 'R', role: 'coordinator', institutions: [], language: 'lv' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as ForbiddenError).reason?.rule).toBe('accounts.invite-other-municipality');
    expect((deps.invitations as MemoryInvitations).items.size).toBe(0);
    expect((deps.invitations as MemoryInvitations).outbox).toEqual([]);
    expect(mails).toEqual([]);
  });
});

describe('the invitation page', () => {
  async function opened(email: string) {
    const ctx = setup();
    const invited = await inviteStaff(ctx.deps, coordinator, 'LV-056', { email, name: 'P', role: 'coordinator', institutions: [], language: 'lv' });
    const token = ctx.tokenIn(ctx.mails[0]!);
    const page = await openInvitationPage(ctx.deps, invited.id, token);
    if (page.state !== 'open') throw new Error(`expected the form, got ${page.state}`);
    return { ...ctx, id: invited.id, token, csrf: page.csrf, directory: ctx.deps.directory as MemoryDirectory };
  }

  it('shows the municipality in both languages and opens the account on a matching form', async () => {
    const { deps, id, token, csrf, directory } = await opened('p@example.lv');
    const page = await openInvitationPage(deps, id, token);
    expect(page).toMatchObject({ state: 'open', invitation: { role: 'coordinator', municipality: { lv: 'Līvānu novads' }, institutions: [] } });
    expect(await submitInvitationPage(deps, id, token, { csrf, password: PASSWORD, confirm: 'other' })).toMatchObject({ state: 'open', problem: 'password-mismatch' });
    expect(directory.users.size).toBe(0);
    expect(await submitInvitationPage(deps, id, token, { csrf, password: PASSWORD, confirm: PASSWORD })).toEqual({ state: 'accepted', justNow: true, email: 'p@example.lv', role: 'coordinator' });
    expect(await openInvitationPage(deps, id, token)).toMatchObject({ state: 'accepted', justNow: false });
  });

  it('says revoked when the invitation is revoked while the form is submitted, and leaves no usable account', async () => {
    const { deps, id, token, csrf, directory } = await opened('q@example.lv');
    directory.meanwhile = () => revokeInvitation(deps, coordinator, id);
    expect(await submitInvitationPage(deps, id, token, { csrf, password: PASSWORD, confirm: PASSWORD })).toEqual({ state: 'revoked' });
    expect([...directory.users.values()].map((u) => u.enabled)).toEqual([false]);
  });

  it('calls a link resent meanwhile invalid (the newer email has the working one)', async () => {
    const { deps, id, token, csrf, directory } = await opened('r2@example.lv');
    directory.meanwhile = () => resendInvitation(deps, coordinator, id);
    expect(await submitInvitationPage(deps, id, token, { csrf, password: PASSWORD, confirm: PASSWORD })).toEqual({ state: 'invalid' });
  });

  it('says so when another account already uses the email, and never adopts it', async () => {
    const { deps, id, token, csrf, directory } = await opened('x2@example.lv');
    const other = await directory.create('x2@example.lv', {});
    await directory.setPassword(other.username, PASSWORD);
    expect(await submitInvitationPage(deps, id, token, { csrf, password: PASSWORD, confirm: PASSWORD })).toEqual({ state: 'conflict' });
    expect(directory.users.get(other.sub)!.groups).toEqual([]);
  });

  it('writes nothing without the CSRF token of this invitation', async () => {
    const a = await opened('c1@example.lv');
    const other = await inviteStaff(a.deps, coordinator, 'LV-056', { email: 'c2@example.lv', name: 'O', role: 'coordinator', institutions: [], language: 'lv' });
    const page = await openInvitationPage(a.deps, other.id, a.tokenIn(a.mails[1]!));
    const otherCsrf = page.state === 'open' ? page.csrf : '';
    expect(otherCsrf).not.toBe(a.csrf);
    expect(await submitInvitationPage(a.deps, a.id, a.token, { password: PASSWORD, confirm: PASSWORD })).toEqual({ state: 'invalid' });
    // the other invitation's token is signed with the same key, but over another nonce
    expect(await submitInvitationPage(a.deps, a.id, a.token, { csrf: otherCsrf, password: PASSWORD, confirm: PASSWORD })).toEqual({ state: 'invalid' });
    expect(a.directory.users.size).toBe(0);
  });
});
