// Bounded concurrency for independent steps (certificate batches, emails, an account's records): one helper, no library.

/** Runs `fn` over `items` with at most `limit` in flight, in order of start. */
export async function pool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
