import { formatValue } from '../model/event-kind';

/** A JSON value shown as text: user data is never interpreted as HTML. */
export function ValueText({ value }: { value: unknown }) {
  return <code className="mono">{formatValue(value)}</code>;
}
