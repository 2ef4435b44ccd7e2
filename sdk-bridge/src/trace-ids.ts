import { randomBytes, randomUUID } from 'node:crypto';

/** Raceway trace UUID ↔ the 32-hex W3C/OTel trace id: the same 128 bits (DESIGN.md, OTLP conversion). */
export function traceIdToUuid(hex: string): string {
  const h = hex.toLowerCase().padStart(32, '0').slice(-32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function uuidToTraceId(uuid: string): string {
  return uuid.replace(/-/g, '').toLowerCase();
}

/** 16 lower-case hex characters, like the TS and Python SDKs (8 random bytes). */
export function newSpanId(): string {
  return randomBytes(8).toString('hex');
}

export function newEventId(): string {
  return randomUUID();
}
