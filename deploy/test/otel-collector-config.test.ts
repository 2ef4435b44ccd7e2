import { describe, expect, it } from 'vitest';
import { readYaml } from './manifests.js';

interface CollectorConfig {
  receivers: Record<string, unknown>;
  processors?: Record<string, unknown>;
  exporters: Record<
    string,
    { routing_key?: string; protocol?: Record<string, unknown>; resolver?: Record<string, unknown> }
  >;
  extensions?: Record<string, unknown>;
  service: {
    extensions?: string[];
    pipelines: Record<string, { receivers: string[]; processors?: string[]; exporters: string[] }>;
  };
}

const config = readYaml('otel-collector/loadbalancer.yaml') as CollectorConfig;

describe('OpenTelemetry Collector scale-out config', () => {
  it('shards traces by trace id over OTLP/gRPC, the only protocol the exporter speaks', () => {
    const lb = config.exporters.loadbalancing!;
    expect(lb.routing_key).toBe('traceID');
    expect(Object.keys(lb.protocol ?? {})).toEqual(['otlp']);
    expect(lb.resolver).toHaveProperty('k8s.service', 'raceway-headless.observability');
    expect(lb.resolver).toHaveProperty('k8s.ports', [4317]);
  });

  it('wires every pipeline to components that are defined', () => {
    for (const [name, pipeline] of Object.entries(config.service.pipelines)) {
      for (const r of pipeline.receivers)
        expect(config.receivers, `${name} receiver`).toHaveProperty(r);
      for (const p of pipeline.processors ?? [])
        expect(config.processors, `${name} processor`).toHaveProperty(p);
      for (const e of pipeline.exporters)
        expect(config.exporters, `${name} exporter`).toHaveProperty(e);
    }
    for (const ext of config.service.extensions ?? [])
      expect(config.extensions).toHaveProperty(ext);
  });

  it('sends traces and logs (log-based raceway events) through the load balancer', () => {
    expect(config.service.pipelines.traces?.exporters).toEqual(['loadbalancing']);
    expect(config.service.pipelines.logs?.exporters).toEqual(['loadbalancing']);
  });
});
