// The published allocation lines, read as the ceilings of what each municipality may request.
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AllocationCeilings } from '../domain/applications/ports.js';
import type { PublishedLine } from '../domain/allocation/types.js';
import { DynamoAllocationRepository } from './allocation-repository.js';

type Ceiling = { amountCents: number; runId: string };

const toCeiling = (line: PublishedLine): Ceiling => ({ amountCents: line.amountCents, runId: line.runId });

/** The applications' view of what allocation publishing writes: one reader of those items, not two. */
export class DynamoAllocationCeilings implements AllocationCeilings {
  private readonly lines: DynamoAllocationRepository;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.lines = new DynamoAllocationRepository(db, table);
  }

  // the published allocation line of one municipality, read consistently (a submit checks against it)
  async ceilingFor(municipality: string): Promise<Ceiling | undefined> {
    const line = await this.lines.currentLine(municipality, true);
    return line ? toCeiling(line) : undefined;
  }

  // every published allocation line (one partition, ≤ 43 items)
  async all(): Promise<Map<string, Ceiling>> {
    return new Map((await this.lines.currentLines()).map((line) => [line.code, toCeiling(line)]));
  }
}
