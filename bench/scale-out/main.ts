// Runs the scale-out benchmark alone: `node --import tsx bench/scale-out/main.ts [events]`.
import { formatScaleOutBench, runScaleOutBench } from './scale-out-bench.js';

const events = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
const result = await runScaleOutBench({
  ...(events === undefined ? {} : { events }),
  ...(process.env['RACEWAY_TEST_AMQP_URL'] === undefined
    ? {}
    : { brokerUrl: process.env['RACEWAY_TEST_AMQP_URL'] }),
  log: (line) => console.error(line),
});
console.log(formatScaleOutBench(result));
