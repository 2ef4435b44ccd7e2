import type { ReactNode } from 'react';

export function StatCard({
  label,
  value,
  tone,
}: {
  label: string;
  value: ReactNode;
  tone?: 'danger' | 'warning' | 'success' | undefined;
}) {
  const color = tone ? `var(--${tone})` : undefined;
  return (
    <div className="stat">
      <div className="value" style={color ? { color } : undefined}>
        {value}
      </div>
      <div className="label">{label}</div>
    </div>
  );
}
