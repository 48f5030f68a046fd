// The local outbox relay: polls DynamoDB Local's table stream and hands every record to the same delivery code the
// stream-triggered Lambda runs (lib/events/outbox-delivery.ts), keeping a checkpoint per shard so a restart goes on
// where it stopped: an event committed before a crash is delivered after it, and one delivered is not delivered again.
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand, DynamoDBStreamsClient, ExpiredIteratorException, GetRecordsCommand, GetShardIteratorCommand,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { localClient } from '../data/admin.js';
import { LOCAL_CREDENTIALS } from '../data/client.js';
import type { OutboxStreamRecord } from '../events/outbox-delivery.js';

export interface StreamRelayOptions {
  endpoint: string;
  table: string;
  /** Called once per record, in stream order; a throw leaves the record (and the rest of its shard) for the next pass. */
  handle: (record: OutboxStreamRecord) => Promise<void>;
  /** Where the last delivered sequence number of each shard is kept (JSON); without it, only in memory. */
  checkpointFile?: string;
  onError?: (error: unknown) => void;
}

interface Checkpoint {
  streamArn: string;
  shards: Record<string, string>;
}

export class LocalStreamRelay {
  private readonly streams: DynamoDBStreamsClient;
  private readonly iterators = new Map<string, string>();
  private readonly closed = new Set<string>();
  private checkpoint: Checkpoint | undefined;
  private streamArn: string | undefined;
  private running: Promise<number> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: StreamRelayOptions) {
    this.streams = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: 'eu-north-1', credentials: LOCAL_CREDENTIALS, maxAttempts: 3 });
  }

  /** Delivers everything the stream holds beyond the checkpoint; concurrent calls share one pass. Returns the records handled. */
  drain(): Promise<number> {
    this.running ??= this.pass().finally(() => { this.running = undefined; });
    return this.running;
  }

  /** Drains every `intervalMs` until stop(). */
  start(intervalMs = 100): this {
    const tick = async () => {
      try {
        await this.drain();
      } catch (error) {
        (this.options.onError ?? ((e) => console.error('local stream relay failed', e)))(error);
      }
      if (!this.stopped) this.timer = setTimeout(tick, intervalMs);
    };
    this.timer = setTimeout(tick, 0);
    return this;
  }

  /** Stops polling after the pass in flight (if any) and closes the client. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
    this.streams.destroy();
  }

  private async pass(): Promise<number> {
    const arn = await this.arn();
    let handled = 0;
    for (const shard of await this.shards(arn)) {
      if (!shard.ShardId || this.closed.has(shard.ShardId)) continue;
      handled += await this.readShard(arn, shard.ShardId);
    }
    return handled;
  }

  /** Reads one shard to its current end. A closed shard, once read, is done. */
  private async readShard(arn: string, shardId: string): Promise<number> {
    let handled = 0;
    for (;;) {
      let iterator = this.iterators.get(shardId) ?? await this.iteratorFor(arn, shardId);
      let page;
      try {
        page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      } catch (error) {
        if (!(error instanceof ExpiredIteratorException)) throw error;
        this.iterators.delete(shardId);
        iterator = await this.iteratorFor(arn, shardId);
        page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      }
      for (const record of page.Records ?? []) {
        // Not advanced past a failing record: it, and the records after it, come again on the next pass.
        this.iterators.delete(shardId);
        await this.options.handle(record as OutboxStreamRecord);
        this.saveCheckpoint(shardId, record.dynamodb!.SequenceNumber!);
        handled++;
      }
      if (!page.NextShardIterator) {
        this.iterators.delete(shardId);
        this.closed.add(shardId);
        return handled;
      }
      this.iterators.set(shardId, page.NextShardIterator);
      if ((page.Records ?? []).length === 0) return handled;
    }
  }

  /** After the checkpoint of the shard if there is one, else from the oldest record the stream keeps. */
  private async iteratorFor(arn: string, shardId: string): Promise<string> {
    const after = this.loadCheckpoint(arn).shards[shardId];
    const { ShardIterator } = await this.streams.send(new GetShardIteratorCommand({
      StreamArn: arn, ShardId: shardId,
      ...(after ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after } : { ShardIteratorType: 'TRIM_HORIZON' }),
    }));
    if (!ShardIterator) throw new Error(`no iterator for shard ${shardId}`);
    return ShardIterator;
  }

  private async shards(arn: string): Promise<Shard[]> {
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: arn, ExclusiveStartShardId: start }));
      shards.push(...(StreamDescription?.Shards ?? []));
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
    return shards; // parents come before their children, so a shard is read before the one that continues it
  }

  private async arn(): Promise<string> {
    if (this.streamArn) return this.streamArn;
    const client = localClient(this.options.endpoint);
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: this.options.table }));
      if (!Table?.LatestStreamArn) throw new Error(`table ${this.options.table} has no stream`);
      this.streamArn = Table.LatestStreamArn;
      return this.streamArn;
    } finally {
      client.destroy();
    }
  }

  /** The checkpoint of this stream (a file written for another stream, e.g. of a table created anew, does not count). */
  private loadCheckpoint(arn: string): Checkpoint {
    if (this.checkpoint?.streamArn === arn) return this.checkpoint;
    const file = this.options.checkpointFile;
    const stored = file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as Checkpoint : undefined;
    this.checkpoint = stored?.streamArn === arn ? stored : { streamArn: arn, shards: {} };
    return this.checkpoint;
  }

  private saveCheckpoint(shardId: string, sequenceNumber: string): void {
    const checkpoint = this.loadCheckpoint(this.streamArn!);
    checkpoint.shards[shardId] = sequenceNumber;
    const file = this.options.checkpointFile;
    if (!file) return;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint));
    renameSync(`${file}.tmp`, file); // a crash leaves the old checkpoint or the new one, never half of one
  }
}
