import type { ReactNode } from 'react';

/**
 * A flush panel with a heading over a data table: `columns` become the header row (none when omitted),
 * `children` are the body rows.
 */
export function TitledTable({
  label,
  title,
  columns,
  children,
}: {
  /** The section's accessible name. */
  label: string;
  title: ReactNode;
  columns?: readonly string[];
  children: ReactNode;
}) {
  return (
    <section className="panel flush" aria-label={label}>
      <div style={{ padding: '8px 10px' }}>
        <h3>{title}</h3>
      </div>
      <table className="data">
        {columns && (
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c}>{c}</th>
              ))}
            </tr>
          </thead>
        )}
        <tbody>{children}</tbody>
      </table>
    </section>
  );
}
