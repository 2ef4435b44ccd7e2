import { ManualClock } from '../../testing/manual-clock.js';
import { describeStoreContract } from '../../testing/store-contract.js';
import { MemoryStore } from './memory-store.js';

describeStoreContract('MemoryStore', () => {
  const clock = new ManualClock();
  const store = new MemoryStore({ clock });
  return Promise.resolve({ store, advance: (ms) => clock.advance(ms), now: () => clock.now() });
});
