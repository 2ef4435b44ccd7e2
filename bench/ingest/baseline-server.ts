// The parse-only baseline: reads the body, JSON.parse, answers what the collector answers. Nothing else.
import { serveParsingReceiver } from './parsing-receiver.js';

serveParsingReceiver(() => {});
