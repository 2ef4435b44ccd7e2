import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { LiveState } from '../live/live-stream.js';
import { useTone } from '../theme.js';

/** The connection state in words, e.g. "server unreachable … reconnecting in 2.0s (attempt 3)". */
export function liveStateText(state: LiveState): string {
  switch (state.kind) {
    case 'connecting':
      return '○ connecting…';
    case 'live':
      return '● live';
    case 'reconnecting':
      return `✖ server unreachable · reconnecting in ${(state.retryInMs / 1000).toFixed(1)}s (attempt ${state.attempt}) · ${state.reason}`;
    case 'unauthorized':
      return '✖ unauthorized: pass --api-key KEY or set RACEWAY_API_KEY';
  }
}

/** Bottom line: the prompt while one is open, else the live state, a message and the key hints. */
export function StatusLine({
  state,
  message,
  prompt,
}: {
  state: LiveState;
  message: string | undefined;
  prompt: { label: string; text: string } | undefined;
}): ReactNode {
  const tone = useTone();
  if (prompt) {
    return (
      <Text wrap="truncate">
        {prompt.label}
        {prompt.text}
        <Text inverse> </Text>
      </Text>
    );
  }
  const stateTone =
    state.kind === 'live' ? 'ok' : state.kind === 'connecting' ? 'muted' : 'critical';
  return (
    <Text wrap="truncate">
      <Text {...tone.fg(stateTone)}>{liveStateText(state)}</Text>
      {message ? <Text {...tone.fg('warning')}> · {message}</Text> : null}
      <Text {...tone.fg('muted')}> · ? help · q quit</Text>
    </Text>
  );
}
