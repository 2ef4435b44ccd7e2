import type { OtlpAttributes } from '@raceway/proto';
import type { AccessType, EventKind, MemoryOrdering } from '../../../model/event.js';
import { rawAttr, stringAttr } from './attribute-lookup.js';
import {
  RACEWAY_EVENT_NAMES,
  RacewayAttr,
  isRacewayKindName,
  type RacewayEventKindName,
} from './raceway-attributes.js';
import { parseJsonValue } from './raceway-values.js';

/** Where and in which context a raceway event happened, for fields the attributes leave out. */
export interface RacewayEventContext {
  location: string;
  threadId: string;
}

export type RacewayKindResult =
  { kind: EventKind; truncated: boolean } | { error: string } | undefined;

/** The raceway kind an event name or its `raceway.event.kind` attribute asks for, if any. */
export function racewayKindOf(
  name: string,
  attrs: OtlpAttributes,
): RacewayEventKindName | undefined {
  const alias = stringAttr(attrs, RacewayAttr.eventKind);
  if (alias !== undefined) {
    const short = alias.startsWith('raceway.') ? RACEWAY_EVENT_NAMES[alias] : alias;
    if (short !== undefined && isRacewayKindName(short)) return short;
  }
  return RACEWAY_EVENT_NAMES[name];
}

const ACCESS: Readonly<Record<string, AccessType>> = {
  read: 'Read',
  write: 'Write',
  atomic_read: 'AtomicRead',
  atomic_write: 'AtomicWrite',
  atomic_rmw: 'AtomicRMW',
  atomicread: 'AtomicRead',
  atomicwrite: 'AtomicWrite',
  atomicrmw: 'AtomicRMW',
};

const LOCK_TYPES: Readonly<Record<string, string>> = {
  mutex: 'Mutex',
  'rwlock.read': 'RwLock-Read',
  'rwlock.write': 'RwLock-Write',
};

const ORDERINGS: Readonly<Record<string, MemoryOrdering>> = {
  relaxed: 'Relaxed',
  acquire: 'Acquire',
  release: 'Release',
  acq_rel: 'AcqRel',
  acqrel: 'AcqRel',
  seq_cst: 'SeqCst',
  seqcst: 'SeqCst',
};

/**
 * The Raceway event kind of a span event, log record or span carrying `raceway.*` attributes. An event
 * that names a raceway kind but lacks a required attribute is an error (its span is rejected with the
 * reason), never silently turned into something else.
 */
export function racewayEventKind(
  kindName: RacewayEventKindName,
  eventName: string,
  attrs: OtlpAttributes,
  ctx: RacewayEventContext,
): RacewayKindResult {
  const location = stringAttr(attrs, RacewayAttr.location) ?? ctx.location;
  switch (kindName) {
    case 'state_change': {
      const variable = stringAttr(attrs, ...RacewayAttr.variable);
      if (variable === undefined) return { error: 'raceway.variable.name is missing' };
      const accessText = stringAttr(attrs, ...RacewayAttr.access);
      const oldValue = parseJsonValue(rawAttr(attrs, RacewayAttr.oldValue));
      const newValue = parseJsonValue(rawAttr(attrs, RacewayAttr.newValue));
      let access: AccessType;
      if (accessText === undefined) access = newValue.value === undefined ? 'Read' : 'Write';
      else {
        const mapped = ACCESS[accessText.toLowerCase()];
        if (mapped === undefined)
          return {
            error: `raceway.access.type "${accessText}" is not one of read, write, atomic_read, atomic_write, atomic_rmw`,
          };
        access = mapped;
      }
      return {
        kind: {
          StateChange: {
            variable,
            ...(oldValue.value === undefined ? {} : { old_value: oldValue.value }),
            new_value: newValue.value ?? null,
            location,
            access_type: access,
          },
        },
        truncated: oldValue.truncated || newValue.truncated,
      };
    }
    case 'lock_acquire':
    case 'lock_release': {
      const lockId = stringAttr(attrs, RacewayAttr.lockId);
      if (lockId === undefined) return { error: 'raceway.lock.id is missing' };
      const typeText = stringAttr(attrs, RacewayAttr.lockType) ?? 'mutex';
      const lock = {
        lock_id: lockId,
        lock_type: LOCK_TYPES[typeText.toLowerCase()] ?? typeText,
        location,
      };
      return {
        kind: kindName === 'lock_acquire' ? { LockAcquire: lock } : { LockRelease: lock },
        truncated: false,
      };
    }
    case 'async_spawn':
    case 'async_await': {
      const taskId = stringAttr(attrs, RacewayAttr.taskId);
      if (taskId === undefined) return { error: 'raceway.async.task.id is missing' };
      return {
        kind:
          kindName === 'async_spawn'
            ? { AsyncSpawn: { task_id: taskId, spawned_by: ctx.threadId } }
            : { AsyncAwait: { future_id: taskId, awaited_at: location } },
        truncated: false,
      };
    }
    case 'memory_fence': {
      const text = stringAttr(attrs, RacewayAttr.fenceOrdering) ?? 'seq_cst';
      const ordering = ORDERINGS[text.toLowerCase()];
      if (ordering === undefined)
        return {
          error: `raceway.fence.ordering "${text}" is not one of relaxed, acquire, release, acq_rel, seq_cst`,
        };
      return { kind: { MemoryFence: { ordering, location } }, truncated: false };
    }
    case 'custom': {
      const data = parseJsonValue(rawAttr(attrs, RacewayAttr.customData));
      return {
        kind: {
          Custom: {
            name: stringAttr(attrs, RacewayAttr.customName) ?? eventName,
            data: data.value === undefined ? attrs : data.value,
          },
        },
        truncated: data.truncated,
      };
    }
  }
}
