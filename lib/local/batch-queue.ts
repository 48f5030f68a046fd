// The local BatchQueue: batches are processed in this process (a few at a time), standing in for SQS + its Lambda.
import type { BatchMessage, BatchQueue } from '../domain/certificates/ports.js';

/**
 * `enqueue` returns at once, like SQS; the batches run in the background with at most `concurrency` in flight.
 * A failing batch is reported and left unfinished (its run stays `running` until a rerun resumes it), as a
 * message parked in the DLQ would. `idle()` resolves when nothing is queued or running (CLI, tests).
 */
export class InProcessBatchQueue implements BatchQueue {
  private readonly waiting: BatchMessage[] = [];
  private running = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly process: (message: BatchMessage) => Promise<unknown>,
    private readonly options: { concurrency?: number; onError?: (message: BatchMessage, error: unknown) => void; onDone?: (message: BatchMessage) => void } = {},
  ) {}

  async enqueue(messages: readonly BatchMessage[]): Promise<void> {
    this.waiting.push(...messages);
    this.pump();
  }

  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.running < (this.options.concurrency ?? 2) && this.waiting.length > 0) {
      const message = this.waiting.shift()!;
      this.running++;
      void this.process(message)
        .then(() => this.options.onDone?.(message), (error) => (this.options.onError ?? ((m, e) => console.error('local certificate batch failed', m, e)))(message, error))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.waiting.length === 0) for (const w of this.idleWaiters.splice(0)) w();
        });
    }
  }
}
