import { useEffect, useMemo, useState } from 'react';
import type { ApiEvent, FullTraceAnalysis } from '../api/types';
import { useKeyboard } from '../app/shortcuts';
import { useSearchParam } from '../app/use-search-param';
import { ValueText } from '../components/value-text';
import { contextOf, eventLabel, eventTimeMs, kindName } from '../model/event-kind';
import { formatClockTime } from '../model/format';
import { replayState } from '../model/replay-state';

const SPEEDS = [0.5, 1, 2, 4];
/** Dots drawn per lane, centred on the current step (a 10k-event trace would flood the DOM). */
const MAX_DOTS_PER_LANE = 400;

/** Replays the trace step by step: a swimlane per context, state and locks up to the current step. */
export function DebuggerView({ trace }: { trace: FullTraceAnalysis }) {
  const events = trace.events;
  const [stepParam, setStepParam] = useSearchParam('step');
  const step = Math.min(Math.max(Number(stepParam ?? 0) || 0, 0), Math.max(events.length - 1, 0));
  const setStep = (n: number) => setStepParam(String(Math.min(Math.max(n, 0), events.length - 1)));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(1);
  const state = useMemo(() => replayState(events, step), [events, step]);
  // Event indices per context, computed once; each lane then draws a window around the current step.
  const lanes = useMemo(() => {
    const byLane = new Map<string, number[]>();
    events.forEach((e, i) => {
      const lane = contextOf(e);
      const list = byLane.get(lane);
      if (list) list.push(i);
      else byLane.set(lane, [i]);
    });
    return [...byLane.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [events]);
  const start = events.length ? eventTimeMs(events[0] as ApiEvent) : 0;
  const span = Math.max(
    (events.length ? eventTimeMs(events[events.length - 1] as ApiEvent) : 0) - start,
    0.001,
  );
  const current = events[step];

  useKeyboard((key) => {
    if (key === 'ArrowRight') setStep(step + 1);
    else if (key === 'ArrowLeft') setStep(step - 1);
    else if (key === 'Home') setStep(0);
    else if (key === 'End') setStep(events.length - 1);
    else if (key === ' ') setPlaying((p) => !p);
    else return false;
    return true;
  });
  useEffect(() => {
    if (!playing) return undefined;
    if (step >= events.length - 1) {
      setPlaying(false);
      return undefined;
    }
    const timer = setTimeout(() => setStepParam(String(step + 1)), 1000 / speed);
    return () => clearTimeout(timer);
  }, [playing, step, speed, events.length, setStepParam]);

  return (
    <div className="page" data-testid="debugger">
      <div className="panel row">
        <button onClick={() => setStep(0)} title="Start (Home)">
          |◀
        </button>
        <button onClick={() => setStep(step - 1)} title="Back (←)">
          ◀
        </button>
        <button
          className="primary"
          onClick={() => setPlaying((p) => !p)}
          title="Play/pause (Space)"
        >
          {playing ? '⏸ Pause' : '▶ Play'}
        </button>
        <button onClick={() => setStep(step + 1)} title="Forward (→)">
          ▶
        </button>
        <button onClick={() => setStep(events.length - 1)} title="End (End)">
          ▶|
        </button>
        <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
        <input
          type="range"
          aria-label="Step"
          min={0}
          max={Math.max(events.length - 1, 0)}
          value={step}
          onChange={(e) => setStep(Number(e.target.value))}
          style={{ flex: 1 }}
        />
        <span className="muted">
          step {step + 1} / {events.length}
        </span>
      </div>
      {current && (
        <div className="panel">
          <strong>{formatClockTime(current.timestamp)}</strong>{' '}
          <span className="badge">{kindName(current.kind)}</span> {eventLabel(current)}{' '}
          <span className="muted mono">in {contextOf(current)}</span>
        </div>
      )}
      <section className="panel swimlanes" aria-label="Swimlanes">
        {lanes.map(([lane, indices]) => {
          const firstAfter = indices.findIndex((i) => i >= step);
          const from = Math.max(
            0,
            (firstAfter === -1 ? indices.length : firstAfter) - MAX_DOTS_PER_LANE / 2,
          );
          const laneEvents = indices
            .slice(from, from + MAX_DOTS_PER_LANE)
            .map((i) => ({ e: events[i] as ApiEvent, i }));
          return (
            <div key={lane} className="lane">
              <div className="tl-label mono" title={lane}>
                {lane}
              </div>
              <div className="dots">
                {laneEvents.map(({ e, i }) => (
                  <span
                    key={e.id}
                    className={`dot ${i === step ? 'current' : i < step ? 'done' : 'future'}`}
                    style={{ left: `${2 + ((eventTimeMs(e) - start) / span) * 96}%` }}
                    title={eventLabel(e)}
                    onClick={() => setStep(i)}
                  />
                ))}
              </div>
            </div>
          );
        })}
      </section>
      <div className="grid-2">
        <section className="panel" aria-label="State">
          <h3>State after this step</h3>
          {state.values.length === 0 ? (
            <div className="muted">No state changes yet.</div>
          ) : (
            <table className="data">
              <tbody>
                {state.values.map((v) => (
                  <tr key={v.variable}>
                    <td className="mono">{v.variable}</td>
                    <td>
                      <ValueText value={v.value} />
                    </td>
                    <td className="mono muted small">{v.context}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3 style={{ marginTop: 10 }}>Locks held</h3>
          {state.locks.length === 0 ? (
            <div className="muted">None.</div>
          ) : (
            state.locks.map((l) => (
              <div key={l.lockId} className="mono">
                {l.lockId} <span className="muted">by {l.context}</span>
              </div>
            ))
          )}
        </section>
        <section className="panel" aria-label="History">
          <h3>State changes and lock events so far</h3>
          <table className="data">
            <tbody>
              {state.history.slice(0, 50).map((e) => (
                <tr key={e.id}>
                  <td className="mono">{formatClockTime(e.timestamp)}</td>
                  <td>{eventLabel(e)}</td>
                  <td className="mono muted small">{contextOf(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
