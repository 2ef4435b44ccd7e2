import type { FullTraceAnalysis } from '../../../api/response-shapes.js';

/** What every trace tab receives: the loaded trace and the rows it may use. */
export interface TabProps {
  trace: FullTraceAnalysis;
  height: number;
}
