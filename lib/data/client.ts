// The DynamoDB document client, built once per process from the config.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';

let doc: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  if (doc) return doc;
  const { AWS_REGION, DYNAMODB_ENDPOINT } = config();
  doc = createDocumentClient(new DynamoDBClient(
    DYNAMODB_ENDPOINT
      ? { region: AWS_REGION, endpoint: DYNAMODB_ENDPOINT, credentials: LOCAL_CREDENTIALS }
      : { region: AWS_REGION },
  ));
  return doc;
}

export function createDocumentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

/** DynamoDB Local accepts any credentials; fixed ones keep local runs independent of ~/.aws. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

export function tableName(): string {
  return config().TABLE_NAME;
}

/** For tests and the local stack, which change the endpoint after the first client was built. */
export function resetDocumentClient(): void {
  doc = undefined;
}
