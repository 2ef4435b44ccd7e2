import { Box, Text, useApp, useInput } from 'ink';
import type { Key } from 'ink';
import type { ReactNode } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { StatusLine } from './components/status-line.js';
import type { RacewaySource } from './data/raceway-source.js';
import type { ScreenName } from './input/key-action.js';
import { keyAction } from './input/key-action.js';
import { KeyHandlerContext, useChildSlot } from './input/key-handler.js';
import { isMouseReport, parseMouse } from './input/mouse-event.js';
import { typedKeys } from './input/typed-keys.js';
import type { TypedKey } from './input/typed-keys.js';
import { LiveBus, LiveBusContext } from './live/live-bus.js';
import type { LiveState } from './live/live-stream.js';
import type { Theme } from './theme.js';
import { ThemeContext, useTone } from './theme.js';
import type { UiContextValue } from './ui-context.js';
import { UiContext } from './ui-context.js';
import type { TerminalSize } from './use-terminal-size.js';
import { useTerminalSize } from './use-terminal-size.js';
import { CrossTraceScreen } from './views/cross-trace-screen.js';
import { DashboardScreen } from './views/dashboard-screen.js';
import { HelpOverlay } from './views/help-overlay.js';
import { TraceScreen } from './views/trace-screen.js';
import { TracesScreen } from './views/traces-screen.js';

export type Screen = { name: ScreenName } | { name: 'trace'; traceId: string; from: ScreenName };

export interface RacewayAppProps {
  source: RacewaySource;
  theme: Theme;
  /** Fixed size (tests); the real terminal's size otherwise. */
  size?: TerminalSize;
  /** Open this trace at start. */
  initialTraceId?: string;
}

/**
 * The TUI shell: header, the current screen, the status line. It owns the keyboard (routing each key to
 * the current screen, or to the prompt / help when open) and the live connection.
 */
export function RacewayApp({
  source,
  theme,
  size: fixedSize,
  initialTraceId,
}: RacewayAppProps): ReactNode {
  const size = useTerminalSize(fixedSize);
  const { exit } = useApp();
  const [screen, setScreen] = useState<Screen>(
    initialTraceId
      ? { name: 'trace', traceId: initialTraceId, from: 'traces' }
      : { name: 'traces' },
  );
  const [help, setHelp] = useState(false);
  const [message, setMessage] = useState<string | undefined>();
  const [prompt, setPrompt] = useState<
    { label: string; text: string; onSubmit: (text: string) => void } | undefined
  >();
  const promptRef = useRef<typeof prompt>(undefined);
  const [liveState, setLiveState] = useState<LiveState>({ kind: 'connecting' });
  const [epoch, setEpoch] = useState(0);
  const bus = useMemo(() => new LiveBus(), []);
  const wasDown = useRef(false);
  const slot = useChildSlot();

  useEffect(
    () =>
      source.follow(
        (m) => bus.emit(m),
        (state) => {
          setLiveState(state);
          // Back after an outage (or a first connection that failed): views reload everything, since
          // messages may have been missed and what they loaded may be an error.
          if (state.kind === 'reconnecting' || state.kind === 'unauthorized')
            wasDown.current = true;
          if (state.kind === 'live' && wasDown.current) {
            wasDown.current = false;
            setEpoch((e) => e + 1);
          }
        },
      ),
    [source, bus],
  );

  const messageTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(messageTimer.current), []);
  const ui: UiContextValue = useMemo(
    () => ({
      source,
      size,
      openPrompt: (label, onSubmit, initial = '') => {
        promptRef.current = { label, text: initial, onSubmit };
        setPrompt(promptRef.current);
      },
      flash: (text) => {
        setMessage(text);
        clearTimeout(messageTimer.current);
        messageTimer.current = setTimeout(() => setMessage(undefined), 4000);
      },
    }),
    [source, size],
  );

  const handleKey = (input: string, key: Key): void => {
    const open = promptRef.current;
    if (open) {
      // Keys can arrive faster than renders: edit the ref, then publish it.
      if (key.escape) promptRef.current = undefined;
      else if (key.return) {
        promptRef.current = undefined;
        open.onSubmit(open.text);
      } else if (key.backspace || key.delete)
        promptRef.current = { ...open, text: open.text.slice(0, -1) };
      else if (!key.ctrl && !key.meta && input)
        promptRef.current = { ...open, text: open.text + input };
      setPrompt(promptRef.current);
      return;
    }
    const action = keyAction(input, key);
    if (!action) return;
    if (help) {
      if (action.type === 'back' || action.type === 'help') setHelp(false);
      else if (action.type === 'quit') exit();
      return;
    }
    if (slot.current?.(action)) return;
    if (action.type === 'quit') exit();
    else if (action.type === 'help') setHelp(true);
    else if (action.type === 'screen') setScreen({ name: action.screen });
    else if (action.type === 'back' && screen.name !== 'traces') setScreen({ name: 'traces' });
  };
  const handleKeyRef = useRef(handleKey);
  handleKeyRef.current = handleKey;
  // Keys that arrived together are handled one at a time, each after the previous one has rendered, so
  // every key sees the screen its predecessor left (a list moved, a prompt opened).
  const queue = useRef<TypedKey[]>([]);
  const drainTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(drainTimer.current), []);
  const drain = (): void => {
    drainTimer.current = undefined;
    const next = queue.current.shift();
    if (!next) return;
    handleKeyRef.current(next.input, next.key);
    if (queue.current.length > 0) drainTimer.current = setTimeout(drain, 0);
  };

  useInput((input, key) => {
    if (isMouseReport(input)) {
      const mouse = parseMouse(input);
      if (!mouse || help || promptRef.current) return;
      if (mouse.kind === 'wheel') {
        slot.current?.({ type: 'move', move: mouse.direction > 0 ? 'down' : 'up' });
        return;
      }
      // The header takes the first line; views get coordinates relative to their own box.
      if (mouse.y >= 1) slot.current?.({ type: 'click', x: mouse.x, y: mouse.y - 1 });
      return;
    }
    queue.current.push(...typedKeys(input, key));
    if (drainTimer.current === undefined) drain();
  });

  const bodyHeight = Math.max(4, size.rows - 2);
  const open = (traceId: string): void =>
    setScreen({
      name: 'trace',
      traceId,
      from: screen.name === 'trace' ? screen.from : screen.name,
    });

  let body: ReactNode;
  if (screen.name === 'trace')
    body = (
      <TraceScreen
        key={`${screen.traceId}:${epoch}`}
        traceId={screen.traceId}
        height={bodyHeight}
        onBack={() => setScreen({ name: screen.from })}
      />
    );
  else if (screen.name === 'dashboard')
    body = <DashboardScreen key={epoch} height={bodyHeight} onOpen={open} />;
  else if (screen.name === 'cross')
    body = <CrossTraceScreen key={epoch} height={bodyHeight} onOpen={open} />;
  else body = <TracesScreen key={epoch} height={bodyHeight} onOpen={open} />;

  return (
    <ThemeContext.Provider value={theme}>
      <UiContext.Provider value={ui}>
        <LiveBusContext.Provider value={bus}>
          <KeyHandlerContext.Provider value={slot}>
            <Box flexDirection="column" width={size.columns} height={size.rows}>
              <Header screen={screen.name} server={source.server} />
              <Box height={bodyHeight} flexDirection="column">
                {help ? <HelpOverlay height={bodyHeight} /> : null}
                {/* Hidden, not unmounted, under the help: closing it returns to the same tab and row. */}
                <Box display={help ? 'none' : 'flex'} flexDirection="column" height={bodyHeight}>
                  {body}
                </Box>
              </Box>
              <StatusLine state={liveState} message={message} prompt={prompt} />
            </Box>
          </KeyHandlerContext.Provider>
        </LiveBusContext.Provider>
      </UiContext.Provider>
    </ThemeContext.Provider>
  );
}

function Header({ screen, server }: { screen: Screen['name']; server: string }): ReactNode {
  const tone = useTone();
  const item = (name: ScreenName, label: string): ReactNode => (
    <Text inverse={screen === name} bold={screen === name}>
      {` ${label} `}
    </Text>
  );
  return (
    <Text wrap="truncate">
      <Text bold {...tone.fg('accent')}>
        Raceway
      </Text>{' '}
      {item('traces', 'T Traces')}
      {item('dashboard', 'D Dashboard')}
      {item('cross', 'X Cross-trace')}
      <Text {...tone.fg('muted')}> {server}</Text>
    </Text>
  );
}
