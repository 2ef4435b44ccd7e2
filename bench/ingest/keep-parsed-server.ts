// The "parse and keep" floor: the baseline, except that it keeps the parsed events (the newest N, N
// given on the command line: as many as the collector held at the end of its run). No validation, no
// store indexes, no analysis. It shows what keeping events as JavaScript objects costs by itself: the
// baseline drops what it parses, so its garbage dies young, while anything that keeps events pays to
// copy and promote them and to mark them on every full collection.
import { serveParsingReceiver } from './parsing-receiver.js';

const capacity = Number(process.argv[2]);
if (!Number.isInteger(capacity) || capacity < 1)
  throw new Error('usage: keep-parsed-server <events to keep>');
const kept = new Array<unknown>(capacity).fill(null);
let next = 0;

serveParsingReceiver((events) => {
  for (const event of events) {
    kept[next] = event;
    next = next + 1 === capacity ? 0 : next + 1;
  }
});
