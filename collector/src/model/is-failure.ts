import type { StoredEvent } from './stored-event.js';

/**
 * Whether an event reports a failure: an Error event, or an HTTP response with a 5xx status. The one
 * rule for the service graph's error counts and a service's performance report, so the two agree.
 */
export function isFailure(event: StoredEvent): boolean {
  return (
    'Error' in event.kind || ('HttpResponse' in event.kind && event.kind.HttpResponse.status >= 500)
  );
}
