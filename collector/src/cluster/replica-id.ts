import { hostname } from 'node:os';

/** The configured replica name, or `<hostname>-<pid>` (a pod name in Kubernetes). */
export function replicaId(configured: string | undefined): string {
  return configured ?? `${hostname()}-${process.pid}`;
}
