/** What `connect` of the NATS client takes from a `queue-url`. */
export interface NatsServer {
  servers: string;
  user?: string;
  pass?: string;
  token?: string;
}

/**
 * `nats://host:port` with its credentials taken out of the URL, as the client takes them:
 * `nats://user:pass@host` is a user and password, `nats://token@host` a token. TLS needs nothing here:
 * the client upgrades when the server asks for it.
 */
export function natsServer(url: string): NatsServer {
  const parsed = new URL(url);
  if (parsed.protocol !== 'nats:') throw new Error(`not a nats:// URL: ${parsed.protocol}`);
  const server: NatsServer = { servers: `${parsed.hostname}:${parsed.port || '4222'}` };
  const user = decodeURIComponent(parsed.username);
  const pass = decodeURIComponent(parsed.password);
  if (pass !== '') {
    server.user = user;
    server.pass = pass;
  } else if (user !== '') {
    server.token = user;
  }
  return server;
}
