import { Metadata } from '@grpc/grpc-js';
import { context, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  CompositePropagator,
  W3CBaggagePropagator,
  W3CTraceContextPropagator,
} from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpGrpcExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import {
  resolveBridgeOptions,
  type BridgeOptions,
  type ResolvedBridgeOptions,
} from './bridge-options.js';
import { NativeEventRecorder, SpanEventRecorder } from './event-recorder.js';
import { NativeTransport } from './native-transport.js';
import { Raceway } from './raceway.js';
import { RacewayClockPropagator } from './raceway-propagator.js';

/** A started bridge: the tracking API plus its lifecycle. */
export interface RacewayBridge {
  readonly raceway: Raceway;
  readonly options: ResolvedBridgeOptions;
  /** Sends everything recorded so far. */
  flush(): Promise<void>;
  /** Flushes and stops; idempotent. */
  shutdown(): Promise<void>;
  /** Native transport counters (zero in OTLP modes). */
  stats(): { dropped: number; buffered: number; sent: number };
}

/**
 * Starts Raceway tracking for this process. OTLP modes start an OpenTelemetry NodeSDK exporting to the
 * collector (with the Raceway propagator and a span event limit raised from OTel's 128); `native`
 * batches Raceway events to `POST /events` for collectors without OTLP.
 */
export function startRaceway(options: BridgeOptions = {}): RacewayBridge {
  const resolved = resolveBridgeOptions(options);
  const identity = { serviceName: resolved.serviceName, instanceId: resolved.instanceId };
  if (resolved.transport === 'native') return startNative(resolved, identity);

  const raceway = new Raceway(identity, new SpanEventRecorder(), resolved.warn);
  const propagator = new CompositePropagator({
    propagators: [
      new W3CTraceContextPropagator(),
      new W3CBaggagePropagator(),
      new RacewayClockPropagator(raceway),
    ],
  });
  const sdk = new NodeSDK({
    resource: resourceFromAttributes({
      'service.name': resolved.serviceName,
      'service.instance.id': resolved.instanceId,
      'deployment.environment.name': resolved.environment,
      ...resolved.tags,
    }),
    spanProcessors: [
      new BatchSpanProcessor(exporterFor(resolved), {
        scheduledDelayMillis: resolved.flushIntervalMs,
      }),
    ],
    spanLimits: { eventCountLimit: resolved.maxEventsPerSpan },
    textMapPropagator: propagator,
    instrumentations: resolved.instrumentations as never,
  });
  sdk.start();
  let stopped: Promise<void> | undefined;
  return {
    raceway,
    options: resolved,
    flush: async () => {
      // NodeSDK has no flush; the global tracer provider (a proxy to the SDK's) does.
      const provider = trace.getTracerProvider() as {
        getDelegate?: () => { forceFlush?: () => Promise<void> };
      };
      await provider.getDelegate?.().forceFlush?.();
    },
    shutdown: () => (stopped ??= sdk.shutdown()),
    stats: () => ({ dropped: 0, buffered: 0, sent: 0 }),
  };
}

function startNative(
  resolved: ResolvedBridgeOptions,
  identity: { serviceName: string; instanceId: string },
): RacewayBridge {
  // Without the NodeSDK nobody registers a context manager, and contexts would not follow async calls.
  const manager = new AsyncLocalStorageContextManager().enable();
  const registered = context.setGlobalContextManager(manager);
  const transport = new NativeTransport({
    url: resolved.collectorUrl,
    apiKey: resolved.apiKey,
    maxBuffer: resolved.maxBufferedEvents,
    batchSize: resolved.batchSize,
    flushIntervalMs: resolved.flushIntervalMs,
    warn: resolved.warn,
  });
  const raceway = new Raceway(
    identity,
    new NativeEventRecorder(transport, {
      ...identity,
      environment: resolved.environment,
      tags: resolved.tags,
    }),
    resolved.warn,
  );
  let stopped: Promise<void> | undefined;
  return {
    raceway,
    options: resolved,
    flush: () => transport.flush(),
    shutdown: () =>
      (stopped ??= transport.shutdown().finally(() => {
        if (registered) context.disable();
      })),
    stats: () => ({
      dropped: transport.dropped,
      buffered: transport.buffered,
      sent: transport.sent,
    }),
  };
}

function exporterFor(options: ResolvedBridgeOptions): SpanExporter {
  const headers: Record<string, string> = options.apiKey
    ? { authorization: `Bearer ${options.apiKey}` }
    : {};
  switch (options.transport) {
    case 'otlp-proto':
      return new OtlpProtoExporter({ url: `${options.collectorUrl}/v1/traces`, headers });
    case 'otlp-grpc': {
      const metadata = new Metadata();
      if (options.apiKey) metadata.set('authorization', `Bearer ${options.apiKey}`);
      return new OtlpGrpcExporter({ url: options.grpcUrl, metadata });
    }
    case 'otlp-http':
    case 'native':
      return new OtlpHttpJsonExporter({ url: `${options.collectorUrl}/v1/traces`, headers });
  }
}
