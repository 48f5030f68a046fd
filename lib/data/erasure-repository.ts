// A closed account's holdings, found from its partition: pseudonymised at closure, erased at the end of retention
// (lib/domain/accounts/erasure.ts).
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ClosureRecords, ErasureDue, ErasureStore, ErasureSurvey } from '../domain/accounts/erasure.js';
import { certificatePdfKey } from '../domain/certificates/types.js';
import { pool } from '../domain/pool.js';
import { batchWriteAll } from './batch-write.js';
import { keys } from './keys.js';
import { partitionIs, queryAll, type Item } from './query.js';
import { INDEXES } from './table.js';

const keyOf = (i: Item) => ({ pk: i.pk, sk: i.sk });
/** Requests in flight at once for one account's records (well within a table's and DynamoDB Local's capacity). */
const IN_FLIGHT = 8;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

export class DynamoErasureStore implements ErasureStore {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async due(today: string, limit: number): Promise<ErasureDue[]> {
    const { gsi3pk } = keys.erasureQueue();
    // one page of at most `limit`: the rest waits for the next run
    const { Items } = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: INDEXES.byEligibility.name, Limit: limit,
      KeyConditionExpression: '#pk = :pk AND #sk < :today',
      ExpressionAttributeNames: { '#pk': INDEXES.byEligibility.partition, '#sk': INDEXES.byEligibility.sort },
      ExpressionAttributeValues: { ':pk': gsi3pk, ':today': today },
    }));
    return (Items ?? []).map((i) => ({ volunteerId: String(i.id), retainedUntil: String(i.retainedUntil) }));
  }

  async survey(volunteerId: string): Promise<ErasureSurvey> {
    const own = await queryAll(this.db, this.table, partitionIs('pk', keys.volunteerPartition(volunteerId).pk));
    const sk = (i: Item) => String(i.sk);
    const outside: Item[] = [];
    const files = new Set<string>();

    // hour entries: each one's pointer and audit trail live under ENTRY#<id>
    await pool(own.filter((i) => sk(i).startsWith('HOURS#')), IN_FLIGHT, async (entry) => {
      outside.push(...(await queryAll(this.db, this.table, partitionIs('pk', keys.hourEntryPointer(String(entry.id)).pk))).map(keyOf));
    });
    // certificates: one per programme and year the tallies name, with its code, its pending email and its PDF
    for (const tally of own.filter((i) => sk(i).startsWith('TALLY#'))) {
      const [, programme, year] = sk(tally).split('#');
      const held = await queryAll(this.db, this.table, partitionIs('pk', keys.certificate(programme!, Number(year), volunteerId).pk));
      for (const c of held) {
        outside.push(keyOf(c));
        const code = str(c.code);
        if (code) {
          outside.push(keys.certificateCode(code));
          // the PDF in each language it may have been rendered in (English on first download)
          for (const language of ['lv', 'en'] as const) files.add(certificatePdfKey(code, language));
        }
        const pdf = str(c.pdfKey);
        if (pdf) files.add(pdf);
      }
      outside.push(keys.certificateEmailPending(programme!, Number(year), volunteerId));
    }
    for (const i of own) {
      // the guardian consent and its history: every link it was asked by, and a paper form's scan
      if (sk(i) === 'CONSENT' || sk(i).startsWith('CONSENTLOG#')) {
        const nonce = str(i.linkNonce);
        if (nonce) outside.push(keys.consentLink(nonce));
        const scan = str((i.paper as { scanKey?: unknown } | null | undefined)?.scanKey);
        if (scan) files.add(scan);
      }
      // move requests, the newest (its pointer) and the older ones (their log items)
      if (sk(i) === 'MOVE' || sk(i).startsWith('MOVELOG#')) {
        const id = str(i.requestId);
        if (id) outside.push(keys.moveRequest(id));
      }
      // the private calendar feed's token
      if (sk(i) === 'CALENDARLINK') {
        const hash = str(i.tokenHash);
        if (hash) outside.push(keys.calendarToken(hash));
      }
    }
    const unique = [...new Map(outside.map((k) => [`${String(k.pk)}\u0000${String(k.sk)}`, k])).values()];
    // what the partition points to first, the partition (but the profile) after: a run cut short finds the pointers again
    const records = [...unique, ...own.filter((i) => sk(i) !== 'PROFILE').map(keyOf)];
    return { volunteerId, files: [...files], prefixes: [keys.consentScansOf(volunteerId)], records };
  }

  async eraseRecords(survey: ErasureSurvey): Promise<void> {
    await batchWriteAll(this.db, this.table, survey.records.map((Key) => ({ DeleteRequest: { Key: { ...Key } } })));
  }

  async eraseProfile(volunteerId: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.volunteer(volunteerId) }));
  }
}

export class DynamoClosureRecords implements ClosureRecords {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async pseudonymise(volunteerId: string, name: string, email: string): Promise<void> {
    const own = await queryAll(this.db, this.table, {
      ...partitionIs('pk', keys.volunteerPartition(volunteerId).pk), ProjectionExpression: 'pk, sk',
    });
    const sk = (i: Item) => String(i.sk);
    const set = async (key: Item, attribute: string, value: string) => {
      try {
        await this.db.send(new UpdateCommand({
          TableName: this.table, Key: key, UpdateExpression: 'SET #a = :v', ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#a': attribute }, ExpressionAttributeValues: { ':v': value },
        }));
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error; // deleted meanwhile: nothing to rename
      }
    };
    await pool(own.filter((i) => sk(i).startsWith('HOURS#')), IN_FLIGHT, (entry) => set(keyOf(entry), 'volunteerName', name));
    await pool(own.filter((i) => sk(i).startsWith('TALLY#')), IN_FLIGHT, async (tally) => {
      const [, programme, year] = sk(tally).split('#');
      await set(keys.certificate(programme!, Number(year), volunteerId), 'holderEmail', email);
      // a certificate email still pending would go to the closed address: it is not sent
      await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.certificateEmailPending(programme!, Number(year), volunteerId) }));
    });
  }
}
