// A cheap read that proves the table answers (used by GET /health).
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client.js';
import { keys } from './keys.js';

export async function tableReachable(): Promise<boolean> {
  try {
    await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.municipality('LV-RIX'), ProjectionExpression: 'pk' }));
    return true;
  } catch {
    return false;
  }
}
