// Runs the Postgres benchmark alone: `node --import tsx bench/postgres/main.ts [databaseEvents]`.
import { formatPostgresBench, runPostgresBench } from './postgres-bench.js';

const databaseEvents = process.argv[2] === undefined ? undefined : Number(process.argv[2]);
const result = await runPostgresBench({
  ...(databaseEvents === undefined ? {} : { databaseEvents }),
  log: (line) => console.error(line),
});
console.log(formatPostgresBench(result));
