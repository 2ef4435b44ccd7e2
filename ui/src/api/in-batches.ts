/**
 * Runs `run` over `items` in consecutive batches of `size` (each batch in parallel, the next once it has
 * settled), keeping the input order. A failed item does not stop the others.
 */
export async function inBatches<T, R>(
  items: readonly T[],
  size: number,
  run: (item: T) => Promise<R>,
): Promise<Array<PromiseSettledResult<R>>> {
  const results: Array<PromiseSettledResult<R>> = [];
  for (let start = 0; start < items.length; start += Math.max(1, size))
    results.push(...(await Promise.allSettled(items.slice(start, start + size).map(run))));
  return results;
}
