// Municipalities in the table: one item per municipality, listed through the byCollection index.
import { BatchWriteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { MunicipalityRepository } from '../domain/municipalities/ports.js';
import { municipalitySchema, storedYouthContactSchema, type Municipality, type StoredYouthContact } from '../domain/municipalities/types.js';
import { ENTITY, keys } from './keys.js';
import { partitionIs, queryAll } from './query.js';
import { INDEXES } from './table.js';

export class DynamoMunicipalityRepository implements MunicipalityRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  // one municipality by its ISO code
  async get(code: string): Promise<Municipality | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.municipality(code) }));
    return Item ? toMunicipality(Item) : undefined;
  }

  // all municipalities, ordered by code (one partition of ~43 items: a single page)
  async list(): Promise<Municipality[]> {
    const items = await queryAll(this.db, this.table, {
      IndexName: INDEXES.byCollection.name,
      ...partitionIs(INDEXES.byCollection.partition, keys.municipalitiesCollection().gsi1pk),
    });
    return items.map(toMunicipality);
  }

  /** Upserts the registry (idempotent: the seed runs on every local start and every deploy). */
  async putAll(list: readonly Municipality[]): Promise<void> {
    for (let i = 0; i < list.length; i += 25) {
      let requests: NonNullable<Parameters<typeof this.batch>[0]> = list.slice(i, i + 25).map((m) => ({
        PutRequest: { Item: { ...keys.municipality(m.code), ...keys.municipalityListing(m.code), entityType: ENTITY.municipality, ...m } },
      }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
        requests = await this.batch(requests);
      }
    }
  }

  // the youth affairs contact of one municipality (a separate item, so re-seeding the registry keeps it)
  async getYouthContact(code: string): Promise<StoredYouthContact | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.municipalityYouthContact(code) }));
    if (!Item) return undefined;
    const { name, email, phone, updatedAt, updatedBy } = Item;
    return storedYouthContactSchema.parse({ name, email, phone, updatedAt, updatedBy });
  }

  async putYouthContact(code: string, contact: StoredYouthContact): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: { ...keys.municipalityYouthContact(code), entityType: ENTITY.youthContact, municipality: code, ...contact },
    }));
  }

  private async batch(requests: { PutRequest: { Item: Record<string, unknown> } }[]) {
    const res = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: requests } }));
    return (res.UnprocessedItems?.[this.table] ?? []) as { PutRequest: { Item: Record<string, unknown> } }[];
  }
}

function toMunicipality(item: Record<string, unknown>): Municipality {
  return municipalitySchema.parse({
    code: item.code, name: item.name, nameEn: item.nameEn, kind: item.kind,
    validFrom: item.validFrom, validTo: item.validTo ?? null, mergedInto: item.mergedInto ?? null,
  });
}
