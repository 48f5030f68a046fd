// Head-count datasets, allocation runs and the published (current) allocation lines in the table.
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AllocationRepository, HeadcountRepository } from '../domain/allocation/ports.js';
import { allocationRunSchema, publishedLineSchema, runSummarySchema, type AllocationRun, type PublishedLine, type RunSummary } from '../domain/allocation/types.js';
import { ConflictError } from '../domain/errors.js';
import { datasetSummarySchema, headcountDatasetSchema, type DatasetSummary, type HeadcountDataset } from '../domain/headcounts/types.js';
import { ENTITY, keys } from './keys.js';
import { queryAll } from './query.js';
import { INDEXES } from './table.js';

/** DynamoDB's limit on the items of one TransactWriteItems call. */
const MAX_TRANSACTION_ITEMS = 100;

const isConditionFailure = (error: unknown) => (error as { name?: string })?.name === 'ConditionalCheckFailedException';

export class DynamoAllocationRepository implements AllocationRepository, HeadcountRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  /** One item per dataset: 43 lines of ~100 bytes stay far below the 400 KB item limit. */
  async putDataset(dataset: HeadcountDataset): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: {
        ...keys.headcountDataset(dataset.id),
        ...keys.headcountDatasetListing(dataset.provenance.importedAt, dataset.id),
        entityType: ENTITY.headcountDataset,
        ...dataset,
        municipalities: dataset.lines.length,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  // one head-count dataset by id
  async getDataset(id: string): Promise<HeadcountDataset | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.headcountDataset(id) }));
    return Item ? headcountDatasetSchema.parse(Item) : undefined;
  }

  // head-count datasets, newest import first (byCollection index, lines left out)
  async listDatasets(limit: number): Promise<DatasetSummary[]> {
    const items = await this.newestFirst(keys.headcountDatasetListing('', '').gsi1pk, limit, ['id', 'provenance', 'totalYouth', 'municipalities']);
    return items.map((i) => datasetSummarySchema.parse(i));
  }

  // allocation runs, newest first (byCollection index, lines left out)
  async listRuns(limit: number): Promise<RunSummary[]> {
    const items = await this.newestFirst(keys.allocationRunListing('', '').gsi1pk, limit,
      ['id', 'status', 'datasetId', 'referenceDate', 'note', 'distributableCents', 'totalYouth', 'createdAt', 'createdBy', 'publishedAt', 'parameters', 'municipalities']);
    return items.map((i) => runSummarySchema.parse(i));
  }

  /** Newest first by the listing key; every projected name is aliased (many are DynamoDB reserved words). */
  private async newestFirst(collection: string, limit: number, attributes: string[]): Promise<Record<string, unknown>[]> {
    const names: Record<string, string> = { '#pk': INDEXES.byCollection.partition };
    attributes.forEach((a, i) => { names[`#a${i}`] = a; });
    const { Items = [] } = await this.db.send(new QueryCommand({
      TableName: this.table,
      IndexName: INDEXES.byCollection.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':pk': collection },
      ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
      ScanIndexForward: false,
      Limit: limit,
    }));
    return Items;
  }

  async putRun(run: AllocationRun): Promise<void> {
    try {
      await this.db.send(new PutCommand({
        TableName: this.table,
        Item: { ...keys.allocationRun(run.id), ...keys.allocationRunListing(run.createdAt, run.id), entityType: ENTITY.allocationRun, ...run, municipalities: run.lines.length },
        ConditionExpression: 'attribute_not_exists(pk)',
      }));
    } catch (error) {
      if (isConditionFailure(error)) throw new ConflictError(`allocation run ${run.id} already exists`);
      throw error;
    }
  }

  // one allocation run by id (strongly consistent: a run is read right after it is published)
  async getRun(id: string): Promise<AllocationRun | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.allocationRun(id), ConsistentRead: true }));
    return Item ? allocationRunSchema.parse(Item) : undefined;
  }

  /**
   * One TransactWriteItems: the run draft → published (conditional on draft), the pointer's version
   * bumped (conditional on the version read, so two publications cannot interleave), one line per
   * municipality of the run, and a delete for every current line the run does not contain.
   */
  async publish(run: AllocationRun, publishedAt: string, publishedBy: string): Promise<AllocationRun> {
    const pointerKey = keys.currentAllocationPointer();
    const { Item: pointer } = await this.db.send(new GetCommand({ TableName: this.table, Key: pointerKey, ConsistentRead: true }));
    const version = typeof pointer?.version === 'number' ? pointer.version : 0;
    const current = await this.currentLines(true);
    const codes = new Set(run.lines.map((l) => l.code));
    const stale = current.filter((l) => !codes.has(l.code));
    const items = [
      {
        Update: {
          TableName: this.table,
          Key: keys.allocationRun(run.id),
          UpdateExpression: 'SET #status = :published, publishedAt = :at, publishedBy = :by',
          ConditionExpression: '#status = :draft',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':published': 'published', ':draft': 'draft', ':at': publishedAt, ':by': publishedBy },
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: { ...pointerKey, entityType: ENTITY.allocationPointer, runId: run.id, publishedAt, version: version + 1 },
          ConditionExpression: pointer ? 'version = :v' : 'attribute_not_exists(pk)',
          ...(pointer ? { ExpressionAttributeValues: { ':v': version } } : {}),
        },
      },
      ...run.lines.map((l) => ({
        Put: {
          TableName: this.table,
          Item: { ...keys.publishedAllocation(l.code), entityType: ENTITY.publishedAllocation, code: l.code, name: l.name, amountCents: l.amountCents, runId: run.id, publishedAt },
        },
      })),
      ...stale.map((l) => ({ Delete: { TableName: this.table, Key: keys.publishedAllocation(l.code) } })),
    ];
    if (items.length > MAX_TRANSACTION_ITEMS) {
      throw new Error(`publishing ${run.lines.length} lines needs ${items.length} transaction items (limit ${MAX_TRANSACTION_ITEMS})`);
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
      if (e.name === 'TransactionCanceledException') {
        const reasons = e.CancellationReasons ?? [];
        if (reasons[0]?.Code === 'ConditionalCheckFailed') {
          throw new ConflictError(`allocation run ${run.id} is already published`, { lv: 'Aprēķins jau publicēts', en: 'The run is already published' });
        }
        throw new ConflictError('another allocation was published at the same time; reload and try again');
      }
      throw error;
    }
    return { ...run, status: 'published', publishedAt, publishedBy };
  }

  // every current allocation line, by municipality code (one partition of ≤ 43 items)
  async currentLines(consistent = false): Promise<PublishedLine[]> {
    const { pk, skPrefix } = keys.publishedAllocationLines();
    const items = await queryAll(this.db, this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': skPrefix },
      ConsistentRead: consistent,
    });
    return items.map((i) => publishedLineSchema.parse(i));
  }

  // the current allocation line of one municipality (also read as its application ceiling)
  async currentLine(code: string, consistent = false): Promise<PublishedLine | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.publishedAllocation(code), ConsistentRead: consistent }));
    return Item ? publishedLineSchema.parse(Item) : undefined;
  }
}
