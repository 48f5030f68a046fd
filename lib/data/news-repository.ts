// Youth-house news posts in the single table: one item per post, listed per municipality by publication day.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../domain/errors.js';
import type { NewsRepository } from '../domain/youth-house/feed-ports.js';
import type { NewsImage, NewsPost } from '../domain/youth-house/news.js';
import { ENTITY, keys } from './keys.js';
import { getConsistent, type Item } from './query.js';
import { INDEXES } from './table.js';

const STORAGE = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'entityType'];
const strip = (item: Item): NewsPost => Object.fromEntries(Object.entries(item).filter(([k]) => !STORAGE.includes(k))) as unknown as NewsPost;
const itemOf = (post: NewsPost) => ({
  ...keys.newsPost(post.id), ...keys.newsListing(post.municipality, post.publishOn, post.id), entityType: ENTITY.newsPost,
  ...(JSON.parse(JSON.stringify(post)) as NewsPost),
});

export class DynamoNewsRepository implements NewsRepository {
  constructor(private readonly db: DynamoDBDocumentClient, private readonly table: string) {}

  async create(post: NewsPost): Promise<void> {
    await this.conditional(new PutCommand({ TableName: this.table, Item: itemOf(post), ConditionExpression: 'attribute_not_exists(pk)' }), `news ${post.id} exists`);
  }

  async get(id: string): Promise<NewsPost | undefined> {
    const item = await getConsistent(this.db, this.table, keys.newsPost(id));
    return item ? strip(item) : undefined;
  }

  async replace(post: NewsPost, expectedUpdatedAt: string): Promise<void> {
    await this.conditional(new PutCommand({
      TableName: this.table, Item: itemOf(post), ConditionExpression: 'updatedAt = :expected', ExpressionAttributeValues: { ':expected': expectedUpdatedAt },
    }), `news ${post.id} changed meanwhile`);
  }

  async setImage(id: string, image: NewsImage, at: string, expectedUpdatedAt: string): Promise<void> {
    await this.conditional(new UpdateCommand({
      TableName: this.table, Key: keys.newsPost(id), UpdateExpression: 'SET image = :image, updatedAt = :at',
      ConditionExpression: 'updatedAt = :expected', ExpressionAttributeValues: { ':image': JSON.parse(JSON.stringify(image)), ':at': at, ':expected': expectedUpdatedAt },
    }), `news ${id} changed meanwhile`);
  }

  async delete(id: string): Promise<boolean> {
    const { Attributes } = await this.db.send(new DeleteCommand({ TableName: this.table, Key: keys.newsPost(id), ReturnValues: 'ALL_OLD' }));
    return Attributes !== undefined;
  }

  // a municipality's posts published on or before a day, newest publication first
  async publishedBy(municipality: string, onOrBefore: string, limit: number): Promise<NewsPost[]> {
    const { Items } = await this.db.send(new QueryCommand({
      TableName: this.table, IndexName: INDEXES.byCollection.name, ScanIndexForward: false, Limit: limit,
      KeyConditionExpression: '#pk = :pk AND #sk <= :last',
      ExpressionAttributeNames: { '#pk': INDEXES.byCollection.partition, '#sk': INDEXES.byCollection.sort },
      ExpressionAttributeValues: { ':pk': keys.newsListed(municipality).gsi1pk, ':last': `${onOrBefore}#\uffff` },
    }));
    return (Items ?? []).map(strip);
  }

  private async conditional(command: PutCommand | UpdateCommand, conflict: string): Promise<void> {
    try {
      await this.db.send(command as PutCommand);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new ConflictError(conflict);
      throw error;
    }
  }
}
