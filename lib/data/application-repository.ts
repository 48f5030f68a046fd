// Project applications in the table: a head item per application plus one immutable item per submitted version.
import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.js';
import { attachmentSchema, type Attachment } from '../domain/applications/attachments.js';
import type { MunicipalityFunding } from '../domain/applications/funding.js';
import { RunningTotalChanged, type ApplicationRepository } from '../domain/applications/ports.js';
import { applicationSchema, applicationVersionSchema, COHORTS, type Application, type ApplicationStatus, type ApplicationVersion, type Cohort } from '../domain/applications/types.js';
import { ENTITY, keys } from './keys.js';
import { queryAll, type Item } from './query.js';
import { INDEXES } from './table.js';

const APP_FIELDS = Object.keys(applicationSchema.shape);

export class DynamoApplicationRepository implements ApplicationRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async create(app: Application): Promise<void> {
    try {
      await this.db.send(new PutCommand({ TableName: this.table, Item: this.headItem(app), ConditionExpression: 'attribute_not_exists(pk)' }));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError(`application ${app.id} already exists`);
      throw error;
    }
  }

  // one application's head
  async get(id: string): Promise<Application | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.applicationHead(id), ConsistentRead: true }));
    return Item ? toApplication(Item) : undefined;
  }

  async save(app: Application, expectedRevision: number, version?: ApplicationVersion, funding?: MunicipalityFunding): Promise<void> {
    const head = {
      Put: {
        TableName: this.table, Item: this.headItem(app),
        ConditionExpression: 'revision = :expected', ExpressionAttributeValues: { ':expected': expectedRevision },
      },
    };
    const stale = () => new ConflictError(`application ${app.id} changed since revision ${expectedRevision}: reload it`, {
      lv: 'Pieteikumu pa to laiku ir mainījis kāds cits: ielādējiet to no jauna',
      en: 'Someone else changed the application meanwhile: reload it',
    });
    if (!version && !funding) {
      try {
        await this.db.send(new PutCommand(head.Put));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) throw stale();
        throw error;
      }
      return;
    }
    const frozen = version && {
      Put: {
        TableName: this.table,
        Item: { ...keys.applicationVersion(app.id, version.frozen.version), entityType: ENTITY.applicationVersion, ...version },
        ConditionExpression: 'attribute_not_exists(pk)', // a frozen version is never overwritten
      },
    };
    const total = funding && {
      Put: {
        TableName: this.table,
        Item: { ...keys.municipalityFunding(funding.municipality), entityType: ENTITY.municipalityFunding, ...funding },
        // the total this decision was checked against is still the stored one
        ...(funding.version === 1
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': funding.version - 1 } }),
      },
    };
    const items = [head, frozen, total];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items.filter((i) => i !== undefined) }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        // reasons come in the order of the items sent: map them back to head / version / total
        const sent = items.flatMap((item, i) => (item ? [i] : []));
        const failed = new Set((error.CancellationReasons ?? []).flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [sent[i]] : [])));
        if (failed.has(0)) throw stale();
        if (failed.has(1)) throw new ConflictError(`version ${version?.frozen.version} of application ${app.id} already exists`);
        if (failed.has(2)) throw new RunningTotalChanged(`the running total of ${funding?.municipality} changed since version ${(funding?.version ?? 1) - 1}`);
        if (error.CancellationReasons?.some((r) => r.Code === 'TransactionConflict')) {
          if (funding) throw new RunningTotalChanged(`a concurrent transaction touched application ${app.id} or the running total of ${funding.municipality}`);
          throw stale();
        }
      }
      throw error;
    }
  }

  // the running total of a municipality's applications
  async getFunding(municipality: string): Promise<MunicipalityFunding | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.municipalityFunding(municipality), ConsistentRead: true }));
    return Item ? { municipality: String(Item.municipality), approvedCents: Number(Item.approvedCents), pendingCents: Number(Item.pendingCents), version: Number(Item.version) } : undefined;
  }

  // applications of a municipality, oldest first
  async listByMunicipality(municipality: string): Promise<Application[]> {
    const k = keys.applicationsOfMunicipality(municipality);
    return (await this.queryAll({
      IndexName: INDEXES.byCollection.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.byCollection.partition },
      ExpressionAttributeValues: { ':pk': k.gsi1pk },
    })).map(toApplication);
  }

  // applications in one status (and cohort), longest waiting first
  async listByStatus(status: ApplicationStatus, cohort?: Cohort): Promise<Application[]> {
    const cohorts = cohort ? [cohort] : COHORTS;
    const lists = await Promise.all(cohorts.map((c) => this.queryAll({
      IndexName: INDEXES.byQueue.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': INDEXES.byQueue.partition },
      ExpressionAttributeValues: { ':pk': keys.applicationQueue(status, c).gsi2pk },
    })));
    return lists.flat().map(toApplication).sort((a, b) => a.statusChangedAt.localeCompare(b.statusChangedAt));
  }

  // the frozen versions of an application, oldest first
  async listVersions(id: string): Promise<ApplicationVersion[]> {
    const k = keys.applicationVersionsPrefix(id);
    return (await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': k.pk, ':prefix': k.skPrefix },
      ConsistentRead: true,
    })).map(toVersion);
  }

  // one frozen version
  async getVersion(id: string, version: number): Promise<ApplicationVersion | undefined> {
    if (!Number.isInteger(version) || version < 1) return undefined;
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.applicationVersion(id, version), ConsistentRead: true }));
    return Item ? toVersion(Item) : undefined;
  }

  async putAttachment(attachment: Attachment): Promise<void> {
    await this.db.send(new PutCommand({
      TableName: this.table,
      Item: { ...keys.applicationAttachment(attachment.applicationId, attachment.id), entityType: ENTITY.applicationAttachment, ...attachment },
      ConditionExpression: 'attribute_not_exists(pk)',
    }));
  }

  // the attachments of an application, by id
  async listAttachments(id: string): Promise<Attachment[]> {
    const k = keys.applicationAttachmentsPrefix(id);
    return (await this.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': k.pk, ':prefix': k.skPrefix },
    })).map(toAttachment);
  }

  async getAttachment(id: string, attachmentId: string): Promise<Attachment | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.applicationAttachment(id, attachmentId) }));
    return Item ? toAttachment(Item) : undefined;
  }

  private headItem(app: Application): Record<string, unknown> {
    return {
      ...keys.applicationHead(app.id),
      ...keys.applicationOfMunicipality(app.municipality, app.createdAt, app.id),
      ...keys.applicationInQueue(app.status, app.cohort, app.statusChangedAt, app.id),
      entityType: ENTITY.application,
      ...app,
    };
  }

  private queryAll(input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    return queryAll(this.db, this.table, input);
  }
}

function toApplication(item: Record<string, unknown>): Application {
  return applicationSchema.parse(Object.fromEntries(APP_FIELDS.map((f) => [f, item[f]])));
}

const ATTACHMENT_FIELDS = Object.keys(attachmentSchema.shape);
function toAttachment(item: Record<string, unknown>): Attachment {
  return attachmentSchema.parse(Object.fromEntries(ATTACHMENT_FIELDS.map((f) => [f, item[f]])));
}

function toVersion(item: Record<string, unknown>): ApplicationVersion {
  const { frozen, sha256, submittedAt, submittedBy } = item;
  return applicationVersionSchema.parse({ frozen, sha256, submittedAt, submittedBy });
}
