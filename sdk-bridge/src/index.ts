export { startRaceway, type RacewayBridge } from './start-raceway.js';
export {
  resolveBridgeOptions,
  type BridgeOptions,
  type BridgeTransport,
} from './bridge-options.js';
export { Raceway, type LockLike, type RacewayIdentity } from './raceway.js';
export { expressMiddleware, koaMiddleware, httpHandler, runRequest } from './middleware.js';
export { RacewayClockPropagator } from './raceway-propagator.js';
export { incrementClock, mergeClocks, withComponent, type ClockVector } from './clock-vector.js';
export {
  formatClockHeader,
  parseClockHeader,
  CLOCK_HEADER,
  type ClockHeaderPayload,
} from './clock-header.js';
export type { AccessType } from './tracked-event.js';
