import type { Command } from 'commander';
import { registerAnalyzeCommand } from './commands/analyze-command.js';
import { registerEdgesCommand } from './commands/edges-command.js';
import { registerExportCommand } from './commands/export-command.js';
import { registerHealthCommand } from './commands/health-command.js';
import { registerHotspotsCommand } from './commands/hotspots-command.js';
import { registerPerformanceCommand } from './commands/performance-command.js';
import { processIo } from './commands/query-io.js';
import type { QueryIo } from './commands/query-io.js';
import { registerRacesCommand } from './commands/races-command.js';
import { registerServiceCommand } from './commands/service-command.js';
import { registerServicesCommand } from './commands/services-command.js';
import { registerTraceCommand } from './commands/trace-command.js';
import { registerTracesCommand } from './commands/traces-command.js';

/** The query subcommands of spec §4.15, talking to the collector's REST API. */
export function registerQueryCommands(program: Command, setExitCode: (code: number) => void): void {
  registerQueryCommandsWith(program, processIo(setExitCode));
}

/** Same, with the output streams and environment injected (tests). */
export function registerQueryCommandsWith(program: Command, io: QueryIo): void {
  registerTracesCommand(program, io);
  registerTraceCommand(program, io);
  registerServicesCommand(program, io);
  registerServiceCommand(program, io);
  registerRacesCommand(program, io);
  registerHotspotsCommand(program, io);
  registerHealthCommand(program, io);
  registerPerformanceCommand(program, io);
  registerEdgesCommand(program, io);
  registerAnalyzeCommand(program, io);
  registerExportCommand(program, io);
}
