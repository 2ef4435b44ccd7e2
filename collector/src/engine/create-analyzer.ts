import type { Analyzer, AnalyzerOptions } from './analyzer.js';

/** Builds the causality stage and every analysis as one incremental {@link Analyzer}. */
export function createAnalyzer(_options: AnalyzerOptions): Analyzer {
  throw new Error('engine not implemented yet');
}
