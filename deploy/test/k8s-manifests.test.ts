import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Role, RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import { ConfigMap, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { describe, expect, it } from 'vitest';
import {
  collectorContainers,
  mebibytes,
  podSpec,
  readManifests,
  yamlFilesUnder,
} from './manifests.js';

// Each kind the manifests use, validated against the Kubernetes OpenAPI schema by kubernetes-models.
const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'rbac.authorization.k8s.io/v1/Role': Role,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
};

const manifests = [...yamlFilesUnder('k8s'), 'otel-collector/k8s.yaml'].flatMap(readManifests);
const workloads = manifests.filter((m) => m.kind === 'Deployment' || m.kind === 'StatefulSet');
const racewayContainers = collectorContainers(manifests);

function env(container: IContainer, name: string): string | undefined {
  return container.env?.find((e) => e.name === name)?.value;
}

describe('Kubernetes manifests', () => {
  it.each(manifests.map((m) => [`${m.file}: ${m.kind}/${m.metadata.name}`, m] as const))(
    '%s is a valid Kubernetes object',
    (_label, manifest) => {
      const { file: _file, ...object } = manifest;
      const Model = models[`${manifest.apiVersion}/${manifest.kind}`];
      expect(Model, `no model for ${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => new Model!(object as never).validate()).not.toThrow();
    },
  );

  it('include a single collector, a native sidecar and a scaled StatefulSet', () => {
    expect(workloads.map((w) => `${w.kind}/${w.metadata.name}`)).toEqual(
      expect.arrayContaining([
        'Deployment/raceway',
        'Deployment/orders-api',
        'StatefulSet/raceway',
      ]),
    );
    const sidecar = podSpec(workloads.find((w) => w.metadata.name === 'orders-api')!);
    expect(sidecar.initContainers?.[0]?.restartPolicy).toBe('Always');
    const app = sidecar.containers[0]!;
    expect(env(app, 'OTEL_EXPORTER_OTLP_ENDPOINT')).toBe('http://127.0.0.1:4318');
  });

  it.each(racewayContainers.map((c) => [c.name, c] as const))(
    '%s probes /healthz and /readyz on a named port',
    (_name, { container }) => {
      expect(container.livenessProbe?.httpGet?.path).toBe('/healthz');
      expect(container.readinessProbe?.httpGet?.path).toBe('/readyz');
      const ports = (container.ports ?? []).map((p) => p.name);
      expect(ports).toContain(container.readinessProbe?.httpGet?.port);
    },
  );

  it.each(racewayContainers.map((c) => [c.name, c] as const))(
    '%s runs as non-root with a read-only root filesystem and no capabilities',
    (_name, { container, pod }) => {
      expect(pod.securityContext?.runAsNonRoot).toBe(true);
      expect(container.securityContext?.readOnlyRootFilesystem).toBe(true);
      expect(container.securityContext?.allowPrivilegeEscalation).toBe(false);
      expect(container.securityContext?.capabilities?.drop).toEqual(['ALL']);
    },
  );

  it.each(racewayContainers.map((c) => [c.name, c] as const))(
    '%s sizes the V8 heap between 60% and 80% of its memory limit',
    (_name, { container }) => {
      const limit = mebibytes(String(container.resources?.limits?.memory));
      const heap = Number(
        /--max-old-space-size=(\d+)/.exec(env(container, 'NODE_OPTIONS') ?? '')?.[1],
      );
      expect(heap / limit).toBeGreaterThanOrEqual(0.6);
      expect(heap / limit).toBeLessThanOrEqual(0.8);
    },
  );

  it('take API keys and the database URL from Secrets, never inline', () => {
    for (const { container } of racewayContainers) {
      for (const e of container.env ?? []) {
        if (/API_KEY|DATABASE_URL/.test(e.name)) {
          expect(e.value, `${e.name} must come from a Secret`).toBeUndefined();
          expect(e.valueFrom?.secretKeyRef?.name).toBeTruthy();
        }
      }
    }
  });

  it('route the scaled topology through a headless service on the OTLP/gRPC port', () => {
    const headless = manifests.find(
      (m) => m.kind === 'Service' && m.metadata.name === 'raceway-headless',
    );
    const spec = (
      headless as unknown as { spec: { clusterIP: string; ports: Array<{ port: number }> } }
    ).spec;
    expect(spec.clusterIP).toBe('None');
    expect(spec.ports.map((p) => p.port)).toContain(4317);
    const sts = workloads.find((w) => w.kind === 'StatefulSet')!;
    expect((sts as unknown as { spec: { serviceName: string } }).spec.serviceName).toBe(
      'raceway-headless',
    );
  });
});
