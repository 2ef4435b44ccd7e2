/**
 * Node flags every benchmarked server runs with: the ones `npm start`, the `raceway` bin and the Docker
 * image start the collector with. A 64 MiB semi-space lets the per-request garbage of a batch die in
 * the young generation instead of being copied and promoted (~12 % less CPU per event for the
 * collector). Baselines get the same flags, so ratios compare like with like.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=64'] as const;
