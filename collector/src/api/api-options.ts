/** What the HTTP layer needs from the configuration (mapped by `createApp` from `RacewayConfig`). */
export interface ApiOptions {
  /** Empty = auth off. Keys are accepted as Bearer, X-Raceway-API-Key, X-Raceway-Key or ?api_key=. */
  apiKeys: readonly string[];
  /** `['*']` = any origin; `[]` = no CORS headers. */
  corsOrigins: readonly string[];
  rateLimit: { enabled: boolean; requestsPerMinute: number };
  /** Limit on a request body after decompression. */
  maxBodyBytes: number;
  /** Folder of the built dashboard (`ui/dist`); undefined = no UI served. */
  uiDir?: string | undefined;
  version: string;
  /** Interval of SSE heartbeat comments on `GET /api/stream`; default 15 000 ms. */
  streamHeartbeatMs?: number | undefined;
}
