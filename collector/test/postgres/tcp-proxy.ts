import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP forwarder between a client and a server that a test can cut (every connection is reset and new
 * ones are refused, like a database that went away) and restore.
 */
export class TcpProxy {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #up = true;
  #port = 0;

  private constructor(targetHost: string, targetPort: number) {
    this.#server = createServer((client) => {
      if (!this.#up) {
        client.resetAndDestroy();
        return;
      }
      const upstream = connect(targetPort, targetHost);
      this.#track(client);
      this.#track(upstream);
      client.pipe(upstream).pipe(client);
      const close = (): void => {
        client.destroy();
        upstream.destroy();
      };
      client.on('error', close).on('close', close);
      upstream.on('error', close).on('close', close);
    });
  }

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    const proxy = new TcpProxy(targetHost, targetPort);
    await new Promise<void>((resolve) => proxy.#server.listen(0, '127.0.0.1', resolve));
    const address = proxy.#server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    proxy.#port = address.port;
    return proxy;
  }

  get port(): number {
    return this.#port;
  }

  #track(socket: Socket): void {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
  }

  /** Resets every open connection and refuses new ones until {@link restore}. */
  cut(): void {
    this.#up = false;
    for (const socket of this.#sockets) socket.resetAndDestroy();
  }

  restore(): void {
    this.#up = true;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

/** The same URL, but through the proxy on 127.0.0.1. */
export function viaProxy(url: string, proxy: TcpProxy): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(proxy.port);
  return parsed.toString();
}
