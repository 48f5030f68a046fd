import { DynamoDBClient, ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoApplicationRepository } from '../../../lib/data/application-repository.js';
import { createDocumentClient } from '../../../lib/data/client.js';
import { ConflictError } from '../../../lib/domain/errors.js';
import type { MunicipalityFunding } from '../../../lib/domain/applications/funding.js';
import { RunningTotalChanged } from '../../../lib/domain/applications/ports.js';
import type { ApplicationVersion } from '../../../lib/domain/applications/types.js';
import { anApplication } from '../../support/applications.js';

const doc = createDocumentClient(new DynamoDBClient({ region: 'eu-north-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } }));
const mock = mockClient(doc);
const repo = new DynamoApplicationRepository(doc, 't');
const app = anApplication({ revision: 2 });
const version: ApplicationVersion = {
  frozen: { applicationId: app.id, municipality: app.municipality, cohort: 1, version: 1, content: app.content, attachments: [] },
  sha256: 'a'.repeat(64), submittedAt: app.createdAt, submittedBy: 'c',
};
const funding: MunicipalityFunding = { municipality: 'LV-042', approvedCents: 0, pendingCents: 1_500_000, version: 4 };
const cancelled = (...codes: string[]) => new TransactionCanceledException({
  message: 'Transaction cancelled', $metadata: {}, CancellationReasons: codes.map((Code) => ({ Code })),
});

afterEach(() => mock.reset());

describe('DynamoApplicationRepository under faults (fault injection)', () => {
  it.each([
    ['the head’s revision condition failed', cancelled('ConditionalCheckFailed', 'None')],
    ['the frozen version already exists', cancelled('None', 'ConditionalCheckFailed')],
    ['a concurrent transaction touched the items', cancelled('TransactionConflict', 'None')],
  ])('turns a cancelled submit transaction into a 409 ConflictError when %s', async (_, error) => {
    mock.on(TransactWriteCommand).rejects(error);
    await expect(repo.save(app, 1, version)).rejects.toThrow(ConflictError);
  });

  it.each([
    ['the running total moved since it was read', cancelled('None', 'ConditionalCheckFailed')],
    ['a concurrent transaction touched the running total', cancelled('None', 'TransactionConflict')],
  ])('turns a cancelled decision into a RunningTotalChanged (the use case re-reads and retries) when %s', async (_, error) => {
    mock.on(TransactWriteCommand).rejects(error);
    await expect(repo.save(app, 1, undefined, funding)).rejects.toBeInstanceOf(RunningTotalChanged);
  });

  it('still answers a stale head with a final 409, not a retry, when the running total is in the transaction', async () => {
    mock.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    const error = await repo.save(app, 1, undefined, funding).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).not.toBeInstanceOf(RunningTotalChanged);
  });

  it('writes the head, the frozen version and the running total in one transaction, the total only at the version read', async () => {
    mock.on(TransactWriteCommand).resolves({});
    await repo.save(app, 1, version, funding);
    const input = mock.commandCalls(TransactWriteCommand)[0]!.args[0].input;
    expect(input.TransactItems?.[2]).toEqual({ Put: expect.objectContaining({
      Item: expect.objectContaining({ pk: 'MUNI#LV-042', sk: 'FUNDING#APPLICATIONS', approvedCents: 0, pendingCents: 1_500_000, version: 4 }),
      ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': 3 },
    }) });
  });

  it('lets throttling pass through unchanged (a 500 with a correlation id, never a false 409)', async () => {
    mock.on(PutCommand).rejects(new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: {} }));
    await expect(repo.save(app, 1)).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    mock.on(TransactWriteCommand).rejects(cancelled('ThrottlingError', 'None'));
    await expect(repo.save(app, 1, version)).rejects.toBeInstanceOf(TransactionCanceledException);
  });

  it('writes the head and the frozen version in one transaction, the version only if absent', async () => {
    mock.on(TransactWriteCommand).resolves({});
    await repo.save(app, 1, version);
    const input = mock.commandCalls(TransactWriteCommand)[0]!.args[0].input;
    expect(input.TransactItems).toEqual([
      { Put: expect.objectContaining({ ConditionExpression: 'revision = :expected', ExpressionAttributeValues: { ':expected': 1 } }) },
      { Put: expect.objectContaining({ ConditionExpression: 'attribute_not_exists(pk)', Item: expect.objectContaining({ sk: 'VERSION#0001', sha256: version.sha256 }) }) },
    ]);
  });
});
