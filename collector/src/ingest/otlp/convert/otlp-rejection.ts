/** One span or log record the converter refused, with a reason fit for `partial_success.error_message`. */
export interface OtlpRejection {
  traceId: string;
  spanId: string;
  reason: string;
}

/** A short, readable summary: the count, then the first few reasons. */
export function rejectionMessage(rejections: readonly OtlpRejection[], noun: string): string {
  if (rejections.length === 0) return '';
  const shown = rejections
    .slice(0, 5)
    .map(
      (r) =>
        `${noun} ${r.spanId || '(no span id)'} of trace ${r.traceId || '(no trace id)'}: ${r.reason}`,
    );
  const more = rejections.length > 5 ? `; and ${rejections.length - 5} more` : '';
  return `${rejections.length} ${noun}(s) rejected: ${shown.join('; ')}${more}`;
}
