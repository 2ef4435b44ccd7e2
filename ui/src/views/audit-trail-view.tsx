import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { FullTraceAnalysis, VariableAccess } from '../api/types';
import { useKeyboard } from '../app/shortcuts';
import { useSearchParam } from '../app/use-search-param';
import { EmptyState } from '../components/empty-state';
import { ServiceBadge } from '../components/service-badge';
import { ValueText } from '../components/value-text';
import { racePairsOf } from '../model/access-focus';
import { formatClockTime } from '../model/format';
import { AuditFocus, RacePartnerLinks } from './audit-focus';
import { AuditGraph } from './audit-graph';
import { CrossTraceRaces } from './cross-trace-races';
import { isWriteAccess } from '../model/event-kind';

/** Rows rendered around the current step; a hot variable can have thousands of accesses. */
const AUDIT_WINDOW = 300;

const isWrite = (a: VariableAccess) => isWriteAccess(a.access_type);

/** Sub-views (spec §6.3 "Variables"), in `?mode=`; all but cross-trace step through the same accesses. */
const MODES = [
  { id: 'debugger', label: 'Debugger' },
  { id: 'focus', label: 'Focus' },
  { id: 'graph', label: 'Graph' },
  { id: 'cross-trace', label: 'Cross-trace' },
] as const;
type Mode = (typeof MODES)[number]['id'];

/**
 * Every access of one variable in causal order: a step-through table (debugger), the current access
 * with its neighbours (focus), the access graph, and the races with other traces.
 */
export function AuditTrailView({ trace }: { trace: FullTraceAnalysis }) {
  const variables = Object.keys(trace.audit_trails).sort();
  const [variableParam, setVariable] = useSearchParam('variable');
  const [stepParam, setStep] = useSearchParam('access');
  const [modeParam, setMode] = useSearchParam('mode');
  const mode: Mode = MODES.find((m) => m.id === modeParam)?.id ?? 'debugger';
  const [playing, setPlaying] = useState(false);
  // Own keys only: a link may name `constructor`, which every object answers to.
  const variable =
    variableParam && Object.hasOwn(trace.audit_trails, variableParam)
      ? variableParam
      : (variables[0] ?? '');
  const accesses = Object.hasOwn(trace.audit_trails, variable) ? trace.audit_trails[variable]! : [];
  const pairs = useMemo(() => racePairsOf(accesses), [accesses]);
  const step = Math.min(Math.max(Number(stepParam ?? 0) || 0, 0), Math.max(accesses.length - 1, 0));
  const go = (n: number) => setStep(String(Math.min(Math.max(n, 0), accesses.length - 1)));

  useKeyboard((key) => {
    if (key === 'ArrowRight') go(step + 1);
    else if (key === 'ArrowLeft') go(step - 1);
    else if (key === 'Home') go(0);
    else if (key === 'End') go(accesses.length - 1);
    else if (key === ' ') setPlaying((p) => !p);
    else return false;
    return true;
  });
  useEffect(() => {
    if (!playing) return undefined;
    if (step >= accesses.length - 1) {
      setPlaying(false);
      return undefined;
    }
    const timer = setTimeout(() => setStep(String(step + 1)), 500);
    return () => clearTimeout(timer);
  }, [playing, step, accesses.length, setStep]);

  if (variables.length === 0) return <EmptyState title="No state changes in this trace" />;
  const current = accesses[step];
  const windowStart = Math.max(
    0,
    Math.min(step - AUDIT_WINDOW / 2, accesses.length - AUDIT_WINDOW),
  );
  return (
    <div
      className="page"
      style={{ display: 'grid', gridTemplateColumns: '240px minmax(0, 1fr)', alignItems: 'start' }}
    >
      <div className="panel flush">
        <table className="data" aria-label="Variables">
          <thead>
            <tr>
              <th>Variable</th>
              <th>R/W</th>
            </tr>
          </thead>
          <tbody>
            {variables.map((v) => {
              const list = trace.audit_trails[v] ?? [];
              const writes = list.filter(isWrite).length;
              const races = list.filter((a) => a.is_race).length;
              return (
                <tr
                  key={v}
                  onClick={() => {
                    setVariable(v);
                    setStep(null);
                  }}
                  style={{
                    cursor: 'pointer',
                    background: v === variable ? 'var(--accent-soft)' : undefined,
                  }}
                >
                  <td className="mono">
                    {v} {races > 0 && <span className="badge danger">race</span>}
                  </td>
                  <td className="muted">
                    {list.length - writes}/{writes}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 12, minWidth: 0 }}>
        <div className="panel">
          <div className="row" style={{ justifyContent: 'space-between' }}>
            <h2 style={{ margin: 0 }}>
              Audit trail of <code data-testid="audit-variable">{variable}</code>
            </h2>
            <Link to={`/traces?variable=${encodeURIComponent(variable)}`}>
              Other traces touching this variable
            </Link>
          </div>
          <div className="row" style={{ marginTop: 8 }} role="group" aria-label="Audit view">
            {MODES.map((m) => (
              <button
                key={m.id}
                className={m.id === mode ? 'primary' : ''}
                aria-pressed={m.id === mode}
                onClick={() => setMode(m.id === 'debugger' ? null : m.id)}
              >
                {m.label}
              </button>
            ))}
          </div>
          {mode !== 'cross-trace' && (
            <>
              <div className="row" style={{ marginTop: 8 }} aria-label="Step through accesses">
                <button onClick={() => go(0)} title="First (Home)">
                  |◀
                </button>
                <button onClick={() => go(step - 1)} title="Previous (←)">
                  ◀
                </button>
                <button onClick={() => setPlaying((p) => !p)} title="Play/pause (Space)">
                  {playing ? '⏸ Pause' : '▶ Play'}
                </button>
                <button onClick={() => go(step + 1)} title="Next (→)">
                  ▶
                </button>
                <button onClick={() => go(accesses.length - 1)} title="Last (End)">
                  ▶|
                </button>
                <input
                  type="range"
                  min={0}
                  max={Math.max(accesses.length - 1, 0)}
                  value={step}
                  onChange={(e) => go(Number(e.target.value))}
                  aria-label="Access"
                  style={{ flex: 1 }}
                />
                <span className="muted">
                  {step + 1} / {accesses.length}
                </span>
              </div>
              {current && (
                <div className="value-change" style={{ marginTop: 8 }} data-testid="audit-current">
                  Value after step {step + 1}: <ValueText value={current.new_value} /> (
                  {current.access_type} by {current.thread_id} at {current.location || '?'})
                  <RacePartnerLinks accesses={accesses} step={step} pairs={pairs} go={go} />
                </div>
              )}
            </>
          )}
        </div>
        {mode === 'debugger' && (
          <>
            <div className="panel flush">
              <table className="data" data-testid="audit-table">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Time</th>
                    <th>Access</th>
                    <th>Value</th>
                    <th>Service / thread</th>
                    <th>Location</th>
                    <th>Locks</th>
                    <th>Causal link</th>
                  </tr>
                </thead>
                <tbody>
                  {accesses.slice(windowStart, windowStart + AUDIT_WINDOW).map((a, offset) => {
                    const i = windowStart + offset;
                    return (
                      <tr
                        key={a.event_id}
                        onClick={() => go(i)}
                        style={{
                          cursor: 'pointer',
                          background: i === step ? 'var(--accent-soft)' : undefined,
                          opacity: i > step ? 0.55 : 1,
                        }}
                      >
                        <td>{i + 1}</td>
                        <td className="mono">{formatClockTime(a.timestamp)}</td>
                        <td>
                          <span className={`badge ${isWrite(a) ? 'warning' : 'info'}`}>
                            {a.access_type}
                          </span>
                          {a.is_race && <span className="badge danger">RACE</span>}
                        </td>
                        <td className="mono">
                          {isWrite(a) ? (
                            <>
                              <ValueText value={a.old_value} /> → <ValueText value={a.new_value} />
                            </>
                          ) : (
                            <ValueText value={a.new_value} />
                          )}
                        </td>
                        <td>
                          <ServiceBadge name={a.service_name} />{' '}
                          <span className="mono small">{a.thread_id}</span>
                        </td>
                        <td className="mono">{a.location}</td>
                        <td className="mono">{a.locks_held?.join(', ') || '—'}</td>
                        <td>
                          {i === 0 ? (
                            '—'
                          ) : a.has_causal_link_to_previous ? (
                            '✓ ordered after previous'
                          ) : (
                            <span className="danger-text">✗ concurrent with previous</span>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {accesses.length > AUDIT_WINDOW && (
              <div className="notice" role="status">
                Showing accesses {windowStart + 1}–
                {Math.min(windowStart + AUDIT_WINDOW, accesses.length)} of {accesses.length} around
                the current step; step or drag the slider to move.
              </div>
            )}
          </>
        )}
        {mode === 'focus' && <AuditFocus accesses={accesses} step={step} pairs={pairs} go={go} />}
        {mode === 'graph' && (
          <AuditGraph
            layoutKey={`audit-${trace.trace_id}-${variable}`}
            accesses={accesses}
            step={step}
            pairs={pairs}
            go={go}
          />
        )}
        {mode === 'cross-trace' && <CrossTraceRaces traceId={trace.trace_id} variable={variable} />}
      </div>
    </div>
  );
}
