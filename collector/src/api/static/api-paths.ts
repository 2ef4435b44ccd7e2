/** Paths that belong to the API, never to the dashboard's client-side routes. */
const API_PREFIXES = ['/api/', '/v1/', '/auth/'];
const API_PATHS = new Set([
  '/api',
  '/events',
  '/metrics',
  '/health',
  '/status',
  '/healthz',
  '/readyz',
]);

export function isApiPath(path: string): boolean {
  return API_PATHS.has(path) || API_PREFIXES.some((p) => path.startsWith(p));
}
