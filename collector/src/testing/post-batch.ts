import type { TestCollector } from './start-test-collector.js';

/** POSTs `{ events }` to a collector's `/events` as JSON, the way an SDK sends a batch; the answer is left to the test. */
export function postBatch(
  collector: Pick<TestCollector, 'url'>,
  events: readonly object[],
): Promise<Response> {
  return fetch(`${collector.url}/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
}
