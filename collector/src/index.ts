export type {
  RacewayEvent,
  EventKind,
  EventMetadata,
  AccessType,
  ClockEntry,
} from './model/event.js';
export type { StoredEvent, ComputedFields, ApiEvent } from './model/stored-event.js';
export type { Store } from './store/store.js';
export type { Analyzer } from './engine/analyzer.js';
export type { EventSink } from './pipeline/event-sink.js';
