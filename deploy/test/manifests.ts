import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import { parseAllDocuments } from 'yaml';

export const deployDir = fileURLToPath(new URL('..', import.meta.url));

/** A parsed Kubernetes object with where it came from, for readable failures. */
export interface Manifest {
  file: string;
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [key: string]: unknown;
}

export function yamlFilesUnder(relativeDir: string): string[] {
  const dir = join(deployDir, relativeDir);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => join(relativeDir, f))
    .sort();
}

/** Every document of a multi-document YAML file; a YAML error fails loudly with the file name. */
export function readManifests(relativeFile: string): Manifest[] {
  const text = readFileSync(join(deployDir, relativeFile), 'utf8');
  return parseAllDocuments(text).map((doc, i) => {
    if (doc.errors.length > 0)
      throw new Error(`${relativeFile} doc ${i}: ${doc.errors[0]?.message}`);
    return { ...(doc.toJS() as Omit<Manifest, 'file'>), file: relativeFile } as Manifest;
  });
}

export function readYaml(relativeFile: string): unknown {
  const docs = readManifests(relativeFile);
  if (docs.length !== 1) throw new Error(`${relativeFile}: expected one document`);
  const { file: _file, ...rest } = docs[0]!;
  return rest;
}

/** Mebibytes of a Kubernetes memory quantity such as `512Mi` or `2Gi`. */
export function mebibytes(quantity: string): number {
  const m = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!m) throw new Error(`unsupported memory quantity ${quantity}`);
  return Number(m[1]) * (m[2] === 'Gi' ? 1024 : 1);
}

export function podSpec(workload: Manifest): IPodSpec {
  return (workload as unknown as { spec: { template: { spec: IPodSpec } } }).spec.template.spec;
}

/** Every Raceway collector container (regular or native sidecar) of the workloads among `manifests`. */
export function collectorContainers(
  manifests: readonly Manifest[],
): Array<{ file: string; name: string; container: IContainer; pod: IPodSpec }> {
  return manifests
    .filter((m) => m.kind === 'Deployment' || m.kind === 'StatefulSet')
    .flatMap((w) => {
      const pod = podSpec(w);
      return [...(pod.initContainers ?? []), ...pod.containers]
        .filter((c) => c.image?.includes('raceway/collector'))
        .map((c) => ({ file: w.file, name: `${w.metadata.name}/${c.name}`, container: c, pod }));
    });
}
