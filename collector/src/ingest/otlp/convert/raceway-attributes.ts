/** The `raceway.*` attribute convention (README "OTLP and the raceway.* convention"), one place for names. */
export const RacewayAttr = {
  eventKind: 'raceway.event.kind',
  variable: ['raceway.variable.name', 'raceway.variable'],
  access: ['raceway.access.type', 'raceway.access'],
  oldValue: 'raceway.value.old',
  newValue: 'raceway.value.new',
  lockId: 'raceway.lock.id',
  lockType: 'raceway.lock.type',
  taskId: 'raceway.async.task.id',
  fenceOrdering: 'raceway.fence.ordering',
  customName: 'raceway.custom.name',
  customData: 'raceway.custom.data',
  clock: 'raceway.clock',
  threadId: 'raceway.thread.id',
  location: 'raceway.location',
} as const;

/** Event names (span events, log `event_name`) and the short kinds of `raceway.event.kind`. */
export type RacewayEventKindName =
  | 'state_change'
  | 'lock_acquire'
  | 'lock_release'
  | 'async_spawn'
  | 'async_await'
  | 'memory_fence'
  | 'custom';

export const RACEWAY_EVENT_NAMES: Readonly<Record<string, RacewayEventKindName>> = {
  'raceway.state_change': 'state_change',
  'raceway.lock.acquire': 'lock_acquire',
  'raceway.lock.release': 'lock_release',
  'raceway.async.spawn': 'async_spawn',
  'raceway.async.await': 'async_await',
  'raceway.memory_fence': 'memory_fence',
  'raceway.custom': 'custom',
};

const SHORT_KINDS = new Set<string>(Object.values(RACEWAY_EVENT_NAMES));

export function isRacewayKindName(value: string): value is RacewayEventKindName {
  return SHORT_KINDS.has(value);
}

/** Code location, stable names first (`code.file.path`) then the deprecated ones (`code.filepath`). */
export const CodeAttr = {
  file: ['code.file.path', 'code.filepath'],
  line: ['code.line.number', 'code.lineno'],
  func: ['code.function.name', 'code.function'],
  namespace: ['code.namespace'],
} as const;
