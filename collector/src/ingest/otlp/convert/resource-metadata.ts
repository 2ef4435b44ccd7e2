import type { OtlpResource } from '@raceway/proto';
import { numberAttr, stringAttr } from './attribute-lookup.js';

/** What a resource contributes to every event's metadata. */
export interface ResourceMetadata {
  serviceName: string;
  instanceId: string | undefined;
  processId: number;
  environment: string;
  /** Identifies the emitting process: spans of one resource key share a service instance. */
  key: string;
  tags: Record<string, string>;
}

/**
 * `service.name`, `service.instance.id`, `process.pid`, `deployment.environment.name` (and the deprecated
 * `deployment.environment`) → metadata; `telemetry.sdk.language` → the `sdk_language` tag the UI colours
 * services by (spec §1.4).
 */
export function resourceMetadata(resource: OtlpResource): ResourceMetadata {
  const a = resource.attributes;
  const serviceName = stringAttr(a, 'service.name') ?? 'unknown_service';
  const instanceId = stringAttr(a, 'service.instance.id');
  const pid = numberAttr(a, 'process.pid');
  const tags: Record<string, string> = { source: 'otlp' };
  const language = stringAttr(a, 'telemetry.sdk.language');
  if (language !== undefined) tags['sdk_language'] = language;
  if (resource.droppedAttributesCount > 0)
    tags['otel.resource.dropped_attributes_count'] = String(resource.droppedAttributesCount);
  return {
    serviceName,
    instanceId,
    processId:
      pid !== undefined && Number.isInteger(pid) && pid >= 0 && pid <= 4_294_967_295 ? pid : 0,
    environment:
      stringAttr(a, 'deployment.environment.name', 'deployment.environment') ?? 'unknown',
    key: `${serviceName}#${instanceId ?? ''}#${pid ?? ''}`,
    tags,
  };
}
