import * as os from 'os';

/**
 * How many child processes the tests run at a time: one per core, and at least two (most of a
 * CLI's time is spent starting up and waiting on the disk, which a second process fills).
 */
export const PROCESS_CONCURRENCY = Math.max(2, os.availableParallelism?.() ?? os.cpus().length);

/**
 * Runs `fn` on every item with at most `limit` of them under way at a time, and returns their
 * results in the order of `items`. Every item is run even when one fails; then the first
 * failure is thrown.
 */
export async function mapConcurrent<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  const errors: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index], index);
      } catch (error) {
        errors.push(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (errors.length > 0) throw errors[0];
  return results;
}
