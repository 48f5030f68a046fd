// Honest "via gateway vs raw" figures: every DynamoDB call a route makes during a request is recorded (command and
// its input, from the local stack's table client), and the raw side replays exactly those calls (calls that overlapped
// in the route overlap in the replay) on a document client of its own in the same run. A replayed conditional
// write may now be refused (the item exists, the version moved on); it still makes the same round trip.
import * as lib from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { measure, type Latency, type Row } from './stats.js';

interface RecordedCall { command: string; input: unknown; start: number; end: number }

export class CallRecorder {
  private current: RecordedCall[] | undefined;

  constructor(doc: DynamoDBDocumentClient) {
    doc.middlewareStack.add((next, context) => async (args) => {
      const call: RecordedCall = { command: String(context.commandName), input: structuredClone(args.input), start: performance.now(), end: Number.POSITIVE_INFINITY };
      this.current?.push(call);
      try {
        return await next(args);
      } finally {
        call.end = performance.now();
      }
    }, { step: 'serialize', priority: 'high', name: 'benchCallRecorder' });
  }

  /** Runs `fn` and returns the calls made while it ran (one request at a time: the bench is sequential). */
  async during(fn: () => Promise<unknown>): Promise<RecordedCall[]> {
    const calls: RecordedCall[] = [];
    this.current = calls;
    try {
      await fn();
    } finally {
      this.current = undefined;
    }
    return calls;
  }
}

/** Consecutive calls that overlapped in the route (started before the previous one ended) run together. */
function waves(calls: readonly RecordedCall[]): RecordedCall[][] {
  const out: RecordedCall[][] = [];
  for (const call of calls) {
    const last = out.at(-1);
    if (last && call.start < Math.max(...last.map((c) => c.end))) last.push(call);
    else out.push([call]);
  }
  return out;
}

const REFUSALS = new Set(['ConditionalCheckFailedException', 'TransactionCanceledException']);

/** The document-client command that sends each low-level command (the recorder sees the document input). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command has its own input type
const DOCUMENT_COMMANDS: Record<string, new (input: any) => unknown> = {
  GetItemCommand: lib.GetCommand, PutItemCommand: lib.PutCommand, UpdateItemCommand: lib.UpdateCommand,
  DeleteItemCommand: lib.DeleteCommand, QueryCommand: lib.QueryCommand, ScanCommand: lib.ScanCommand,
  BatchGetItemCommand: lib.BatchGetCommand, BatchWriteItemCommand: lib.BatchWriteCommand,
  TransactGetItemsCommand: lib.TransactGetCommand, TransactWriteItemsCommand: lib.TransactWriteCommand,
};

async function replay(client: DynamoDBDocumentClient, calls: readonly RecordedCall[]): Promise<void> {
  for (const wave of waves(calls)) {
    await Promise.all(wave.map(async (call) => {
      const Command = DOCUMENT_COMMANDS[call.command];
      if (!Command) throw new Error(`cannot replay ${call.command}`);
      try {
        await client.send(new Command(call.input) as lib.GetCommand);
      } catch (error) {
        if (!(error instanceof Error && REFUSALS.has(error.name))) throw error;
      }
    }));
  }
}

export interface GatewayVsRaw {
  gateway: Latency;
  raw: Latency;
  /** Round trips to DynamoDB per request (median over the measured requests) and the commands of one request. */
  roundTrips: number;
  commands: string;
}

/**
 * Measures `request` through the gateway `n` times while recording its calls, then the same calls raw. Raw replays
 * run after the gateway side, so replayed writes never change what the route reads.
 */
export async function gatewayVsRaw(recorder: CallRecorder, raw: DynamoDBDocumentClient, request: () => Promise<unknown>, n: number, warmup = Math.min(50, n)): Promise<{ measureRaw(): Promise<GatewayVsRaw> }> {
  const recorded: RecordedCall[][] = [];
  const gateway = await measure(async () => { recorded.push(await recorder.during(request)); }, n, warmup);
  const measured = recorded.slice(-n);
  const counts = measured.map((c) => c.length).sort((a, b) => a - b);
  return {
    async measureRaw() {
      let i = 0;
      const rawLatency = await measure(() => replay(raw, measured[i++ % measured.length]!), n, warmup);
      return {
        gateway, raw: rawLatency, roundTrips: counts[Math.floor(counts.length / 2)]!,
        commands: measured[0]!.map((c) => c.command.replace(/Command$/, '')).join(' + '),
      };
    },
  };
}

/** The three rows of one comparison: raw, gateway, ratio; each with the round trips per request. */
export function comparisonRows(route: string, r: GatewayVsRaw): Row[] {
  return [
    { path: `raw: the same calls (${r.commands})`, round_trips: r.roundTrips, p50_ms: r.raw.p50, p99_ms: r.raw.p99, mean_ms: r.raw.mean },
    { path: `${route} via gateway`, round_trips: r.roundTrips, p50_ms: r.gateway.p50, p99_ms: r.gateway.p99, mean_ms: r.gateway.mean },
    { path: 'ratio gateway/raw', round_trips: '', p50_ms: r.gateway.p50 / r.raw.p50, p99_ms: r.gateway.p99 / r.raw.p99, mean_ms: r.gateway.mean / r.raw.mean },
  ];
}
