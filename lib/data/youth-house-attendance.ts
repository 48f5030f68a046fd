// The youth house's sign-ups seen from attendance (same items as lib/data/youth-house-repository.ts): the roster of
// an opportunity, the conditional registered → attended / no-show move with its outbox event, and the report's reads.
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import type { AttendanceRepository } from '../domain/youth-house/attendance-ports.js';
import type { Attendance, Opportunity, SignUp } from '../domain/youth-house/types.js';
import { keys } from './keys.js';
import { outboxPuts } from './outbox.js';
import { queryAll, type Item } from './query.js';
import { INDEXES } from './table.js';

const STORAGE = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'gsi3pk', 'gsi3sk', 'entityType', 'waitSeq'];
const strip = <T>(item: Item): T => Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.includes(k))) as T;

export class DynamoAttendanceRepository implements AttendanceRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  // an opportunity's sign-ups, by shift then youth
  async signUpsOf(opportunityId: string): Promise<SignUp[]> {
    const items = await queryAll(this.db, this.table, {
      IndexName: INDEXES.byCollection.name, KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.byCollection.partition }, ExpressionAttributeValues: { ':pk': keys.shiftRoster(opportunityId).gsi1pk },
    });
    return items.map((i) => strip<SignUp>(i));
  }

  async markAttendance(s: SignUp, to: 'attended' | 'no-show', attendance: Attendance, events: readonly DomainEvent[]): Promise<boolean> {
    const items = [
      { Update: {
        TableName: this.table, Key: keys.shiftSignUp(s.youthId, s.date, s.opportunityId, s.shift),
        UpdateExpression: 'SET #state = :to, updatedAt = :at, attendance = :attendance',
        ConditionExpression: '#state = :registered',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':to': to, ':at': attendance.at, ':attendance': attendance, ':registered': 'registered' },
      } },
      ...outboxPuts(this.table, events),
    ];
    for (let attempt = 0; ; attempt++) {
      try {
        await this.db.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
        if (codes[0] === 'ConditionalCheckFailed') return false;
        if (attempt >= 20) throw new ConflictError(`attendance kept conflicting: ${codes.join(',')}`);
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(200, 5 * 2 ** Math.min(attempt, 6))));
      }
    }
  }

  // a municipality's opportunities whatever their status, by first shift
  async opportunitiesOf(municipality: string): Promise<Opportunity[]> {
    const items = await queryAll(this.db, this.table, {
      IndexName: INDEXES.byEligibility.name, KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.byEligibility.partition }, ExpressionAttributeValues: { ':pk': keys.opportunitiesOfMunicipality(municipality).gsi3pk },
    });
    return items.map((i) => strip<Opportunity>(i));
  }

  // a youth's sign-ups in a date range, any state, by date
  async signUpsOfYouth(youthId: string, from: string, to: string): Promise<SignUp[]> {
    const range = keys.shiftSignUpRange(youthId, from, to);
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': range.pk, ':from': range.skFrom, ':to': range.skTo },
    });
    return items.map((i) => strip<SignUp>(i));
  }
}
