// The youth house in the single table: an opportunity item holds its per-shift counters, so a sign-up is one
// conditional increment (never above the shift's places) in the same transaction as the sign-up and its outbox event.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { ConflictError, ValidationError } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import type { OpportunityPage, RegisterOutcome, SignUpMail, YouthHouseRepository } from '../domain/youth-house/ports.js';
import { shiftCalledOff, type Opportunity, type OpportunityInput, type OpportunityStatus, type SignUp } from '../domain/youth-house/types.js';
import { ENTITY, keys } from './keys.js';
import { outboxPuts } from './outbox.js';
import { transactExplained, type TransactItem } from './transact.js';
import { getConsistent, queryAll, type Item } from './query.js';
import { INDEXES } from './table.js';


/** Where each email's once-only marker lives on the sign-up item. */
const MAIL_MARKER: Record<SignUpMail, { path: string }> = {
  offer: { path: 'offer.mailedAt' }, reminder: { path: 'remindedAt' }, cancellation: { path: 'cancellationMailedAt' }, change: { path: 'changeMailedAt' },
};

const STORAGE = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entityType', 'waitSeq'];
const strip = <T>(item: Item): T => Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.includes(k))) as T;
const firstStart = (o: Pick<Opportunity, 'shifts'>) => new Date(Math.min(...o.shifts.map((s) => Date.parse(s.start)))).toISOString();
/** When the last shift ends (UTC ISO): the calendar feed reads opportunities ending from now on. */
export const lastEnd = (o: Pick<Opportunity, 'shifts'>) => new Date(Math.max(...o.shifts.map((s) => Date.parse(s.start) + s.durationMinutes * 60_000))).toISOString();
const encodeCursor = (after: string) => Buffer.from(JSON.stringify({ a: after })).toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    const { a } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { a?: unknown };
    if (typeof a === 'string') return a;
  } catch { /* falls through */ }
  throw new ValidationError([{ field: 'query.cursor', rule: 'cursor', message: 'the cursor is not one this API issued' }]);
}

/** The shift `:i` is not among `#cs` (cancelledShifts), which opportunities without a cancelled shift do not have. */
const NOT_CANCELLED = '(attribute_not_exists(#cs) OR NOT contains(#cs, :i))';

/** The fields a publisher writes (OpportunityInput's); the rest of the item is the system's. */
const OPPORTUNITY_FIELDS = [
  'kind', 'institutionId', 'title', 'description', 'topics', 'place', 'ageRange', 'shifts', 'creditedMinutesPerShift',
  'signUpDeadline', 'contact', 'offerHours', 'reminderHours',
] as const satisfies readonly (keyof OpportunityInput)[];

export class DynamoYouthHouseRepository implements YouthHouseRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async createOpportunity(o: Opportunity): Promise<void> {
    await this.db.send(new TransactWriteCommand({ TransactItems: [{ Put: {
      TableName: this.table, ConditionExpression: 'attribute_not_exists(pk)',
      Item: {
        ...keys.opportunity(o.id), entityType: ENTITY.opportunity, ...JSON.parse(JSON.stringify(o)), waitSeq: o.shifts.map(() => 0),
        ...keys.opportunityOfMunicipality(o.municipality, firstStart(o), o.id),
      },
    } }] }));
  }

  async getOpportunity(id: string): Promise<Opportunity | undefined> {
    const item = await getConsistent(this.db, this.table, keys.opportunity(id));
    return item ? strip<Opportunity>(item) : undefined;
  }

  async setStatus(id: string, from: OpportunityStatus, to: OpportunityStatus, at: string, events: readonly DomainEvent[]): Promise<void> {
    const o = await this.getOpportunity(id);
    if (!o) throw new ConflictError(`opportunity ${id} vanished`);
    const listing = keys.opportunityListing(o.municipality, firstStart(o), id);
    // every non-draft status keeps the calendar entry (feed-reader.ts): closed shifts still happen, cancelled ones are announced
    const calendar = keys.opportunityCalendarEntry(o.municipality, lastEnd(o), id);
    const update: TransactItem = { Update: {
      TableName: this.table, Key: keys.opportunity(id), ConditionExpression: '#status = :from',
      // `revision` counts the stored changes: the calendar feeds' SEQUENCE (lib/domain/youth-house/feeds.ts)
      UpdateExpression: to === 'published'
        ? 'SET #status = :to, updatedAt = :at, gsi1pk = :g1, gsi1sk = :g2, gsi2pk = :c1, gsi2sk = :c2, revision = if_not_exists(revision, :zero) + :one'
        : 'SET #status = :to, updatedAt = :at, gsi2pk = :c1, gsi2sk = :c2, revision = if_not_exists(revision, :zero) + :one REMOVE gsi1pk, gsi1sk',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':from': from, ':to': to, ':at': at, ':c1': calendar.gsi2pk, ':c2': calendar.gsi2sk, ':zero': 0, ':one': 1,
        ...(to === 'published' ? { ':g1': listing.gsi1pk, ':g2': listing.gsi1sk } : {}),
      },
    } };
    await this.transact([update, ...outboxPuts(this.table, events)], (failed) => (failed.includes(0) ? new ConflictError(`opportunity ${id} is no longer ${from}`) : undefined));
  }

  async cancelShift(id: string, shift: number, at: string, events: readonly DomainEvent[]): Promise<void> {
    const update: TransactItem = { Update: {
      TableName: this.table, Key: keys.opportunity(id),
      ConditionExpression: `#status IN (:published, :closed) AND size(#reg) > :i AND ${NOT_CANCELLED}`,
      UpdateExpression: 'SET #cs = list_append(if_not_exists(#cs, :none), :this), updatedAt = :at, revision = if_not_exists(revision, :zero) + :one',
      ExpressionAttributeNames: { '#status': 'status', '#reg': 'registered', '#cs': 'cancelledShifts' },
      ExpressionAttributeValues: { ':published': 'published', ':closed': 'closed', ':i': shift, ':none': [], ':this': [shift], ':at': at, ':zero': 0, ':one': 1 },
    } };
    await this.transact([update, ...outboxPuts(this.table, events)], (failed) => (failed.includes(0)
      ? new ConflictError(`opportunity ${id} changed meanwhile (shift ${shift})`, { lv: 'Iespēja tikmēr mainīta; atveriet to vēlreiz', en: 'The opportunity changed meanwhile; open it again' })
      : undefined));
  }

  async updateOpportunity(before: Opportunity, after: Opportunity, events: readonly DomainEvent[]): Promise<void> {
    const plain = JSON.parse(JSON.stringify(after)) as Opportunity;
    const names: Record<string, string> = { '#status': 'status', '#reg': 'registered' };
    const values: Record<string, unknown> = { ':status': before.status, ':was': before.updatedAt, ':count': before.shifts.length, ':at': after.updatedAt, ':zero': 0, ':one': 1 };
    const set: string[] = ['updatedAt = :at', 'revision = if_not_exists(revision, :zero) + :one'];
    const remove: string[] = [];
    OPPORTUNITY_FIELDS.forEach((field, n) => {
      names[`#f${n}`] = field;
      if (plain[field] === undefined) remove.push(`#f${n}`);
      else { set.push(`#f${n} = :f${n}`); values[`:f${n}`] = plain[field]; }
    });
    // the change notice the sign-ups are still to be emailed about (use-cases.ts decides it)
    names['#notice'] = 'changeNotice';
    if (plain.changeNotice) { set.push('#notice = :notice'); values[':notice'] = plain.changeNotice; } else remove.push('#notice');
    const added = after.shifts.length - before.shifts.length;
    if (before.status === 'draft') {
      // nobody signs up for a draft (the counter needs it published): its counters follow its shifts, all zero
      names['#wait'] = 'waitSeq';
      values[':zeros'] = after.shifts.map(() => 0);
      set.push('#reg = :zeros', '#wait = :zeros');
    } else if (added > 0) {
      names['#wait'] = 'waitSeq';
      values[':zeros'] = Array.from({ length: added }, () => 0);
      set.push('#reg = list_append(#reg, :zeros)', '#wait = list_append(#wait, :zeros)');
    }
    // the indexes: the municipality's own list and the public listing by first shift, the calendar by the last one's end
    const own = keys.opportunityOfMunicipality(after.municipality, firstStart(after), after.id);
    set.push('gsi3pk = :g3p', 'gsi3sk = :g3s');
    Object.assign(values, { ':g3p': own.gsi3pk, ':g3s': own.gsi3sk });
    if (after.status === 'published') {
      const listing = keys.opportunityListing(after.municipality, firstStart(after), after.id);
      set.push('gsi1pk = :g1p', 'gsi1sk = :g1s');
      Object.assign(values, { ':g1p': listing.gsi1pk, ':g1s': listing.gsi1sk });
    }
    if (after.status !== 'draft') {
      const calendar = keys.opportunityCalendarEntry(after.municipality, lastEnd(after), after.id);
      set.push('gsi2pk = :g2p', 'gsi2sk = :g2s');
      Object.assign(values, { ':g2p': calendar.gsi2pk, ':g2s': calendar.gsi2sk });
    }
    // a shift's new places never below its registered count at the moment of writing (a sign-up meanwhile: 409)
    const placesHold = before.status === 'draft' ? [] : before.shifts.map((_, i) => {
      values[`:p${i}`] = after.shifts[i]!.places;
      return `#reg[${i}] <= :p${i}`;
    });
    const update: TransactItem = { Update: {
      TableName: this.table, Key: keys.opportunity(after.id),
      ConditionExpression: ['#status = :status', 'updatedAt = :was', 'size(#reg) = :count', ...placesHold].join(' AND '),
      UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ExpressionAttributeNames: names, ExpressionAttributeValues: values,
    } };
    await this.transact([update, ...outboxPuts(this.table, events)], (failed) => (failed.includes(0)
      ? new ConflictError(`opportunity ${after.id} changed meanwhile`, { lv: 'Iespēja tikmēr mainīta vai tai kāds pieteicās; atveriet to vēlreiz', en: 'The opportunity changed or someone signed up meanwhile; open it again' })
      : undefined));
  }

  async listPublished(municipality: string, keep: (o: Opportunity) => boolean, limit: number, cursor?: string): Promise<OpportunityPage> {
    const { gsi1pk } = keys.opportunitiesListed(municipality);
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const kept: { o: Opportunity; sk: string }[] = [];
    let start: Item | undefined;
    do {
      const page = await this.db.send(new QueryCommand({
        TableName: this.table, IndexName: INDEXES.byCollection.name, ExclusiveStartKey: start,
        KeyConditionExpression: after === undefined ? '#pk = :pk' : '#pk = :pk AND #sk > :after',
        ExpressionAttributeNames: { '#pk': INDEXES.byCollection.partition, ...(after === undefined ? {} : { '#sk': INDEXES.byCollection.sort }) },
        ExpressionAttributeValues: { ':pk': gsi1pk, ...(after === undefined ? {} : { ':after': after }) },
      }));
      for (const item of page.Items ?? []) {
        const o = strip<Opportunity>(item);
        if (keep(o)) kept.push({ o, sk: item.gsi1sk as string });
      }
      start = page.LastEvaluatedKey;
    } while (start && kept.length <= limit);
    const items = kept.slice(0, limit);
    return { items: items.map((k) => k.o), ...(kept.length > limit ? { cursor: encodeCursor(items[items.length - 1]!.sk) } : {}) };
  }

  async getSignUp(youthId: string, date: string, opportunityId: string, shift: number): Promise<SignUp | undefined> {
    const item = await getConsistent(this.db, this.table, keys.shiftSignUp(youthId, date, opportunityId, shift));
    return item ? strip<SignUp>(item) : undefined;
  }

  async signUpsBetween(youthId: string, from: string, to: string): Promise<SignUp[]> {
    const range = keys.shiftSignUpRange(youthId, from, to);
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to', ConsistentRead: true,
      ExpressionAttributeValues: { ':pk': range.pk, ':from': range.skFrom, ':to': range.skTo },
    });
    // Attended shifts count through their hour entries, no-shows not at all.
    return items.map((i) => strip<SignUp>(i)).filter((s) => !(['cancelled', 'attended', 'no-show'] as SignUp['state'][]).includes(s.state));
  }

  private signUpPut(s: SignUp): TransactItem {
    return { Put: {
      TableName: this.table,
      Item: {
        ...keys.shiftSignUp(s.youthId, s.date, s.opportunityId, s.shift), entityType: ENTITY.shiftSignUp, ...s,
        ...keys.shiftRosterEntry(s.opportunityId, s.shift, s.youthId),
        ...(s.state === 'waitlisted' && s.position !== null ? keys.shiftWaitlistEntry(s.opportunityId, s.shift, s.position) : {}),
      },
      // New, or taking the place of a cancelled sign-up of the same youth and shift.
      ConditionExpression: 'attribute_not_exists(pk) OR #state = :cancelled',
      ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':cancelled': 'cancelled' },
    } };
  }

  private counter(s: Pick<SignUp, 'opportunityId' | 'shift'>, delta: 1 | -1, places?: number): TransactItem {
    const i = Math.trunc(s.shift);
    return { Update: {
      TableName: this.table, Key: keys.opportunity(s.opportunityId),
      UpdateExpression: `SET #reg[${i}] = #reg[${i}] + :delta`,
      ...(delta === 1
        // the places as read and as stored now (an edit may have lowered them meanwhile)
        // published, below its places, and the shift not cancelled (a cancellation racing a sign-up wins or waits)
        ? { ConditionExpression: `#status = :published AND #reg[${i}] < :places AND #reg[${i}] < #sh[${i}].#pl AND ${NOT_CANCELLED}`, ExpressionAttributeNames: { '#reg': 'registered', '#status': 'status', '#sh': 'shifts', '#pl': 'places', '#cs': 'cancelledShifts' }, ExpressionAttributeValues: { ':delta': 1, ':published': 'published', ':places': places, ':i': i } }
        : { ConditionExpression: `#reg[${i}] > :zero`, ExpressionAttributeNames: { '#reg': 'registered' }, ExpressionAttributeValues: { ':delta': -1, ':zero': 0 } }),
    } };
  }

  async register(s: SignUp, places: number, events: (s: SignUp) => readonly DomainEvent[]): Promise<RegisterOutcome> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: [this.counter(s, 1, places), this.signUpPut(s), ...outboxPuts(this.table, events(s))] }));
        return 'registered';
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
        if (codes[1] === 'ConditionalCheckFailed') return 'already-signed-up';
        if (codes[0] === 'ConditionalCheckFailed') {
          const o = await this.getOpportunity(s.opportunityId);
          return o?.status === 'published' && !shiftCalledOff(o, s.shift) ? 'full' : 'not-open';
        }
        // TransactionConflict: concurrent sign-ups on the same counter; try again (each attempt re-checks the condition).
        if (attempt >= 60) throw new ConflictError(`sign-up kept conflicting: ${codes.join(',')}`);
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
      }
    }
  }

  async waitlist(s: SignUp, events: (s: SignUp) => readonly DomainEvent[]): Promise<SignUp | 'not-open' | 'already-signed-up'> {
    const i = Math.trunc(s.shift);
    let position: number;
    try {
      const { Attributes } = await this.db.send(new UpdateCommand({
        TableName: this.table, Key: keys.opportunity(s.opportunityId),
        UpdateExpression: `SET waitSeq[${i}] = waitSeq[${i}] + :one`, ConditionExpression: `#status = :published AND ${NOT_CANCELLED}`,
        ExpressionAttributeNames: { '#status': 'status', '#cs': 'cancelledShifts' }, ExpressionAttributeValues: { ':one': 1, ':published': 'published', ':i': i },
        ReturnValues: 'UPDATED_NEW',
      }));
      position = (Attributes!.waitSeq as number[])[0]!;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 'not-open';
      throw error;
    }
    const waiting: SignUp = { ...s, state: 'waitlisted', position };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [this.signUpPut(waiting), ...outboxPuts(this.table, events(waiting))] }));
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return 'already-signed-up';
      throw error;
    }
    return waiting;
  }

  /** A sign-up's item moved from the state read to `to`'s state and fields (condition: still in the state read, the same offer). */
  private transition(s: SignUp, to: SignUp): TransactItem {
    const open = to.state === 'offered' && to.offer ? { ...keys.openOfferEntry(to.offer.expiresAt, to.opportunityId, to.shift, to.youthId), ...keys.offerLinkEntry(to.offer.nonce) } : null;
    return { Update: {
      TableName: this.table, Key: keys.shiftSignUp(s.youthId, s.date, s.opportunityId, s.shift),
      UpdateExpression: open
        ? 'SET #state = :to, updatedAt = :at, #position = :null, offer = :offer, gsi2pk = :g2pk, gsi2sk = :g2sk, gsi3pk = :g3pk, gsi3sk = :g3sk'
        // the offer's link entry (gsi3) stays: its page then says how the offer ended
        : `SET #state = :to, updatedAt = :at, #position = :null${to.offer ? ', offer = :offer' : ''} REMOVE gsi2pk, gsi2sk`,
      ConditionExpression: s.offer ? '#state = :from AND offer.nonce = :nonce' : '#state = :from',
      ExpressionAttributeNames: { '#state': 'state', '#position': 'position' },
      ExpressionAttributeValues: {
        ':to': to.state, ':from': s.state, ':at': to.updatedAt, ':null': null,
        ...(to.offer ? { ':offer': to.offer } : {}), ...(s.offer ? { ':nonce': s.offer.nonce } : {}),
        ...(open ? { ':g2pk': open.gsi2pk, ':g2sk': open.gsi2sk, ':g3pk': open.gsi3pk, ':g3sk': open.gsi3sk } : {}),
      },
    } };
  }

  async leave(s: SignUp, left: SignUp, events: readonly DomainEvent[], handOver?: SignUp): Promise<'done' | 'changed' | 'next-changed'> {
    const holds = s.state === 'registered' || s.state === 'offered';
    // a place handed over only while the shift still takes place (a cancellation committed meanwhile: read again)
    const place: TransactItem[] = !holds ? [] : handOver
      ? [this.transition({ ...handOver, state: 'waitlisted', offer: undefined }, handOver), this.shiftOn(s)]
      : [this.counter(s, -1)];
    const failed = await this.attemptWith([this.transition(s, left), ...place, ...outboxPuts(this.table, events)]);
    if (failed === null) return 'done';
    return failed === 0 ? 'changed' : handOver ? 'next-changed' : 'changed';
  }

  private shiftOn(s: Pick<SignUp, 'opportunityId' | 'shift'>): TransactItem {
    return { ConditionCheck: {
      TableName: this.table, Key: keys.opportunity(s.opportunityId), ConditionExpression: `#status = :published AND ${NOT_CANCELLED}`,
      ExpressionAttributeNames: { '#status': 'status', '#cs': 'cancelledShifts' }, ExpressionAttributeValues: { ':published': 'published', ':i': Math.trunc(s.shift) },
    } };
  }

  async acceptOffer(s: SignUp, accepted: SignUp, at: string, events: readonly DomainEvent[]): Promise<boolean> {
    const item = this.transition(s, accepted);
    const update = item.Update!;
    update.ConditionExpression = `${update.ConditionExpression} AND offer.expiresAt > :now`;
    update.ExpressionAttributeValues = { ...update.ExpressionAttributeValues, ':now': at };
    return (await this.attemptWith([item, ...outboxPuts(this.table, events)])) === null;
  }

  async openOffers(): Promise<SignUp[]> {
    const items = await queryAll(this.db, this.table, {
      IndexName: INDEXES.byQueue.name, KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.byQueue.partition }, ExpressionAttributeValues: { ':pk': keys.openOffers().gsi2pk },
    });
    return items.map((i) => strip<SignUp>(i));
  }

  async offerByNonce(nonce: string): Promise<SignUp | undefined> {
    const { Items } = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: INDEXES.byEligibility.name, KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.byEligibility.partition }, ExpressionAttributeValues: { ':pk': keys.offerLinkEntry(nonce).gsi3pk },
    }));
    const found = Items?.[0];
    if (!found) return undefined;
    // the index is eventually consistent: read the item itself
    const item = await getConsistent(this.db, this.table, { pk: found.pk as string, sk: found.sk as string });
    return item ? strip<SignUp>(item) : undefined;
  }

  async claimMail(s: SignUp, mail: SignUpMail, at: string): Promise<boolean> {
    const marker = MAIL_MARKER[mail];
    try {
      await this.db.send(new UpdateCommand({
        TableName: this.table, Key: keys.shiftSignUp(s.youthId, s.date, s.opportunityId, s.shift),
        UpdateExpression: `SET ${marker.path} = :at`,
        ConditionExpression: mail === 'offer'
          ? '#state = :offered AND offer.nonce = :nonce AND offer.mailedAt = :null'
          // a change: `at` is the notice's; a later edit is a newer notice, mailed again
          : mail === 'change'
            ? `attribute_exists(pk) AND (attribute_not_exists(${marker.path}) OR ${marker.path} < :at)`
            : `attribute_exists(pk) AND attribute_not_exists(${marker.path})`,
        ...(mail === 'offer'
          ? { ExpressionAttributeNames: { '#state': 'state' }, ExpressionAttributeValues: { ':at': at, ':offered': 'offered', ':nonce': s.offer?.nonce ?? '', ':null': null } }
          : { ExpressionAttributeValues: { ':at': at } }),
      }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async clearChangeNotice(opportunityId: string, at: string): Promise<void> {
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: keys.opportunity(opportunityId),
      UpdateExpression: 'REMOVE changeNotice', ConditionExpression: 'changeNotice.#at = :at',
      ExpressionAttributeNames: { '#at': 'at' }, ExpressionAttributeValues: { ':at': at },
    })).catch((error: unknown) => { if (!(error instanceof ConditionalCheckFailedException)) throw error; });
  }

  async releaseMail(s: SignUp, mail: SignUpMail): Promise<void> {
    const marker = MAIL_MARKER[mail];
    await this.db.send(new UpdateCommand({
      TableName: this.table, Key: keys.shiftSignUp(s.youthId, s.date, s.opportunityId, s.shift),
      ConditionExpression: 'attribute_exists(pk)',
      ...(mail === 'offer' ? { UpdateExpression: `SET ${marker.path} = :null`, ExpressionAttributeValues: { ':null': null } } : { UpdateExpression: `REMOVE ${marker.path}` }),
    })).catch((error: unknown) => { if (!(error instanceof ConditionalCheckFailedException)) throw error; });
  }

  async waitlisted(opportunityId: string, shift: number, limit: number): Promise<SignUp[]> {
    const { gsi2pk } = keys.shiftWaitlist(opportunityId, shift);
    const { Items } = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: INDEXES.byQueue.name, Limit: limit,
      KeyConditionExpression: '#pk = :pk', ExpressionAttributeNames: { '#pk': INDEXES.byQueue.partition }, ExpressionAttributeValues: { ':pk': gsi2pk },
    }));
    return (Items ?? []).map((i) => strip<SignUp>(i));
  }

  async promote(s: SignUp, to: SignUp, places: number, events: readonly DomainEvent[]): Promise<boolean> {
    return this.attempt([this.transition(s, to), this.counter(s, 1, places), ...outboxPuts(this.table, events)]);
  }

  /** A transaction whose failed conditions mean "no" (false); transaction conflicts are retried. */
  private async attempt(items: TransactItem[]): Promise<boolean> {
    return (await this.attemptWith(items)) === null;
  }

  /** Like attempt: null when written, else the index of the first item whose condition failed. */
  private async attemptWith(items: TransactItem[]): Promise<number | null> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return null;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
        const failed = codes.indexOf('ConditionalCheckFailed');
        if (failed >= 0) return failed;
        if (attempt >= 60) throw new ConflictError(`transaction kept conflicting: ${codes.join(',')}`);
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
      }
    }
  }

  private transact(items: TransactItem[], explain: (failed: number[]) => Error | undefined): Promise<void> {
    return transactExplained(this.db, items, explain, () => new ConflictError('transaction cancelled'));
  }

}
