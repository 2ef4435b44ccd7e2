/** Overall health of the services (spec §6.1): healthy counts 100, warning 50, critical 0, averaged. */
export function systemHealthScore(
  services: ReadonlyArray<{ status: 'healthy' | 'warning' | 'critical' }>,
): number {
  if (services.length === 0) return 100;
  const points = services.reduce(
    (sum, s) => sum + (s.status === 'healthy' ? 100 : s.status === 'warning' ? 50 : 0),
    0,
  );
  return Math.round(points / services.length);
}
