import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceUuid } from '../../src/ingest/native/trace-id.js';
import { startTestCollector } from '../../src/testing/start-test-collector.js';
import type { TestCollector } from '../../src/testing/start-test-collector.js';
import {
  BANKING_TRACE,
  bankingRaceBatch,
  postEvents,
  waitForTrace,
} from '../tui/banking-race-events.js';
import { runCli } from './run-cli.js';

/** A second request touching alice.balance at the same time, in its own trace (spec §9 S6). */
const SECOND_TRACE = 'b0a1c2d3-e4f5-4a6b-8c7d-000000000002';
const MISSING_TRACE = '00000000-0000-4000-8000-00000000dead';

let collector: TestCollector;
let server: string[];
let dir: string;

beforeAll(async () => {
  collector = await startTestCollector();
  server = ['--server', collector.url];
  const base = Date.now() - 60_000;
  await postEvents(collector.url, bankingRaceBatch(BANKING_TRACE, 0, base));
  await postEvents(collector.url, bankingRaceBatch(SECOND_TRACE, 1, base + 3));
  await waitForTrace(collector.url, BANKING_TRACE, 8);
  await waitForTrace(collector.url, SECOND_TRACE, 8);
  dir = await mkdtemp(join(tmpdir(), 'raceway-cli-'));
});

afterAll(async () => {
  await collector.close();
  await rm(dir, { recursive: true, force: true });
});

describe('raceway query subcommands against a real collector', () => {
  it('traces: a table of traces, newest first, and the page', async () => {
    const r = await runCli(['traces', ...server]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^TRACE ID +EVENTS +SERVICES/m);
    expect(r.stdout).toContain(BANKING_TRACE);
    expect(r.stdout).toContain('page 1 of 1 · 2 traces');
  });

  it('traces --id-prefix: one trace is "1 trace"', async () => {
    const r = await runCli(['traces', ...server, '--id-prefix', BANKING_TRACE.slice(0, 25)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('page 1 of 1 · 1 trace\n');
  });

  it('traces --json: the API data for scripts, with filters passed through', async () => {
    const r = await runCli(['traces', ...server, '--json', '--page-size', '1', '--has-races']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data).toMatchObject({ total_traces: 2, page_size: 1, total_pages: 2 });
    expect(data.traces).toHaveLength(1);
  });

  it('trace -i: summary, races with both sides, and events', async () => {
    const r = await runCli(['trace', ...server, '-i', BANKING_TRACE, '--events', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Races: +3/);
    expect(r.stdout).toMatch(
      /CRITICAL +alice\.balance +Write bank\.ts:47 \[req-1\] +Write bank\.ts:147 \[req-2\]/,
    );
    expect(r.stdout).toContain('Events (3 of 8)');
  });

  it('trace --json: the full analysis', async () => {
    const r = await runCli(['trace', ...server, '-i', BANKING_TRACE, '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout);
    expect(data.analysis.potential_races).toBe(3);
    expect(data.events).toHaveLength(8);
  });

  it('trace: exit 3 for an unknown trace, exit 2 for a malformed id or a missing -i', async () => {
    const missing = await runCli(['trace', ...server, '-i', MISSING_TRACE]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('not found');
    const malformed = await runCli(['trace', ...server, '-i', 'not-a-uuid']);
    expect(malformed.code).toBe(2);
    // Names the value, and the UUID under which a trace sent with that id (Go's WithTraceID) is stored.
    expect(malformed.stderr).toContain('invalid trace id "not-a-uuid": expected a UUID');
    expect(malformed.stderr).toContain(traceUuid('not-a-uuid').id);
    expect((await runCli(['trace', ...server])).code).toBe(2);
  });

  it('trace, analyze and export take a trace id in upper case or without hyphens too', async () => {
    const compact = BANKING_TRACE.replaceAll('-', '').toUpperCase();
    expect((await runCli(['trace', ...server, '-i', compact])).stdout).toContain(BANKING_TRACE);
    expect((await runCli(['analyze', ...server, '-t', compact])).code).toBe(0);
    expect((await runCli(['export', ...server, '-t', compact, '-o', '-'])).code).toBe(0);
    expect((await runCli(['export', ...server, '-t', 'nope', '-o', '-'])).code).toBe(2);
  });

  it('services: table and JSON', async () => {
    const table = await runCli(['services', ...server]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^banking-api +16 +2 /m);
    const json = await runCli(['services', ...server, '--json']);
    expect(JSON.parse(json.stdout).services[0]).toMatchObject({
      name: 'banking-api',
      trace_count: 2,
    });
  });

  it('service overview|traces|dependencies NAME: table and JSON; an unknown service exits 3', async () => {
    const overview = await runCli(['service', 'overview', 'banking-api', ...server]);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toMatch(/Service: +banking-api/);
    expect(overview.stdout).toMatch(/Traces: +2/);
    const overviewJson = await runCli(['service', 'overview', 'banking-api', ...server, '--json']);
    expect(JSON.parse(overviewJson.stdout)).toMatchObject({ name: 'banking-api', trace_count: 2 });
    expect((await runCli(['service', 'overview', 'nobody', ...server])).code).toBe(3);

    const traces = await runCli(['service', 'traces', 'banking-api', ...server]);
    expect(traces.code).toBe(0);
    expect(traces.stdout).toContain(SECOND_TRACE);
    const tracesJson = await runCli(['service', 'traces', 'banking-api', ...server, '--json']);
    expect(JSON.parse(tracesJson.stdout)).toMatchObject({
      service_name: 'banking-api',
      total_traces: 2,
    });

    const deps = await runCli(['service', 'dependencies', 'banking-api', ...server]);
    expect(deps.code).toBe(0);
    expect(deps.stdout).toContain('Calls to');
    expect(deps.stdout).toContain('Called by');
    const depsJson = await runCli(['service', 'dependencies', 'banking-api', ...server, '--json']);
    expect(JSON.parse(depsJson.stdout)).toMatchObject({
      service_name: 'banking-api',
      calls_to: [],
    });
  });

  it('races: the variables raced on across traces', async () => {
    const table = await runCli(['races', ...server]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^WARNING +alice\.balance +2 +8 +2 +Read,Write +\d+$/m);
    const json = await runCli(['races', ...server, '--json']);
    expect(JSON.parse(json.stdout).races[0]).toMatchObject({
      variable: 'alice.balance',
      trace_count: 2,
    });
  });

  it('hotspots: most accessed variables', async () => {
    const table = await runCli(['hotspots', ...server]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^alice\.balance +8 +2 +banking-api/m);
    const json = await runCli(['hotspots', ...server, '--json']);
    expect(JSON.parse(json.stdout).top_variables[0].variable).toBe('alice.balance');
  });

  it('health --window: service health', async () => {
    const table = await runCli(['health', ...server, '--window', '120']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^banking-api +healthy +2/m);
    const json = await runCli(['health', ...server, '--json']);
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ name: 'banking-api', status: 'healthy' });
  });

  it('performance --limit: latency percentiles and slow traces', async () => {
    const table = await runCli(['performance', ...server, '--limit', '10']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Trace latency:');
    expect(table.stdout).toContain('Slowest traces');
    const json = await runCli(['performance', ...server, '--json']);
    expect(JSON.parse(json.stdout)).toHaveProperty('trace_latency.p95_ms');
  });

  it('edges: cross-service call edges (none for one service)', async () => {
    const table = await runCli(['edges', ...server]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('no cross-service edges');
    const json = await runCli(['edges', ...server, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ total_edges: 0, edges: [] });
  });

  it('analyze -t: the full analysis as JSON', async () => {
    const r = await runCli(['analyze', ...server, '-t', BANKING_TRACE]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ trace_id: BANKING_TRACE });
    const table = await runCli(['analyze', ...server, '-t', BANKING_TRACE, '--table']);
    expect(table.stdout).toMatch(/Races: +3/);
  });

  it('export -t -o: writes the raw API body to a file', async () => {
    const file = join(dir, 'trace.json');
    const r = await runCli(['export', ...server, '-t', BANKING_TRACE, '-o', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote trace ${BANKING_TRACE} to ${file}`);
    const body = JSON.parse(await readFile(file, 'utf8'));
    expect(body).toMatchObject({ success: true, data: { trace_id: BANKING_TRACE } });
    const json = await runCli(['export', ...server, '-t', BANKING_TRACE, '-o', file, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ trace_id: BANKING_TRACE, file });
    expect((await runCli(['export', ...server, '-t', MISSING_TRACE, '-o', file])).code).toBe(3);
  });

  it('exits 1 when the server cannot be reached, 2 on a bad --server', async () => {
    const down = await runCli(['traces', '--server', 'http://127.0.0.1:1']);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain('cannot reach http://127.0.0.1:1');
    // Port 1 is one fetch refuses outright; its bare "bad port" is explained.
    expect(down.stderr).toContain('port 1 is one that fetch refuses to connect to');
    expect((await runCli(['traces', '--server', 'not a url'])).code).toBe(2);
  });

  it('reads the server from RACEWAY_URL when --server is absent', async () => {
    const r = await runCli(['traces', '--json'], { RACEWAY_URL: collector.url });
    expect(r.code).toBe(0);
  });
});

describe('API keys', () => {
  let secured: TestCollector;
  beforeAll(async () => {
    secured = await startTestCollector({ apiKeys: ['s3cret'] });
  });
  afterAll(() => secured.close());

  it('exits 4 without a key and says which key forms to use', async () => {
    const r = await runCli(['traces', '--server', secured.url]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('--api-key KEY or set RACEWAY_API_KEY');
  });

  it('sends --api-key or RACEWAY_API_KEY as a Bearer token', async () => {
    expect((await runCli(['traces', '--server', secured.url, '--api-key', 's3cret'])).code).toBe(0);
    expect(
      (await runCli(['traces', '--server', secured.url], { RACEWAY_API_KEY: 's3cret' })).code,
    ).toBe(0);
    expect((await runCli(['traces', '--server', secured.url, '--api-key', 'wrong'])).code).toBe(4);
  });
});
