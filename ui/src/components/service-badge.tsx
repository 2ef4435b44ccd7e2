import { Link } from 'react-router';

/** Stable hue per service name, so a service keeps its colour in every view. */
export function serviceHue(name: string): number {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
  return hash % 360;
}

export function serviceColor(name: string): string {
  return `hsl(${serviceHue(name)} 60% 50%)`;
}

export function ServiceBadge({ name, link = true }: { name: string; link?: boolean }) {
  const badge = (
    <span
      className="badge svc"
      style={{ ['--svc-color' as string]: serviceColor(name) }}
      title={name}
    >
      {name}
    </span>
  );
  return link ? <Link to={`/services/${encodeURIComponent(name)}`}>{badge}</Link> : badge;
}
