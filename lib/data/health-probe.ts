// A cheap read that proves the table answers (used by GET /health).
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keys } from './keys.js';

export async function tableReachable(db: DynamoDBDocumentClient, table: string): Promise<boolean> {
  try {
    await db.send(new GetCommand({ TableName: table, Key: keys.municipality('LV-RIX'), ProjectionExpression: 'pk' }));
    return true;
  } catch {
    return false;
  }
}
