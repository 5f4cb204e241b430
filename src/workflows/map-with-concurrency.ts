import { patched } from '@temporalio/workflow';

/**
 * Runs `work` over the items with at most `limit` in flight; results keep the items' order. When a
 * lane fails (a cancelled run), the others are waited for before the failure is passed on: an
 * activity still in flight, a ticket being created, must settle before anyone lists what exists.
 */
export async function mapWithConcurrency<Item, Result>(
  items: Item[],
  limit: number,
  work: (item: Item) => Promise<Result>,
): Promise<Result[]> {
  const results: Result[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane);
  // Runs recorded before this change went on at the first failure; they replay that way.
  if (!patched('settle-lanes')) {
    await Promise.all(lanes);
    return results;
  }
  const failure = (await Promise.allSettled(lanes)).find((lane) => lane.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}
