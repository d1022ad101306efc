// Test tooling: a tiny TCP load balancer on 127.0.0.1 that sends each new connection to the next live backend in
// turn (one that refuses the connection is skipped), as a reverse proxy in front of relay instances would.
import { connect, createServer, type Socket } from 'node:net';

export interface TcpBalancer {
  port: number;
  /** The backend ports, in turn order; a backend can be added (a restarted instance) or removed. */
  backends: number[];
  /** For each connection taken, the backend port it went to (null: no backend answered). */
  routes: Array<number | null>;
  close(): Promise<void>;
}

export async function startTcpBalancer(backends: number[]): Promise<TcpBalancer> {
  const routes: Array<number | null> = [];
  const sockets = new Set<Socket>();
  let next = 0;

  /** Tries the backends in turn from `next`; the first that accepts takes the client. */
  function route(client: Socket, index: number, tried = 0): void {
    if (tried >= balancer.backends.length || client.destroyed) {
      routes[index] = null;
      client.destroy();
      return;
    }
    const port = balancer.backends[next % balancer.backends.length] as number;
    next += 1;
    const upstream = connect(port, '127.0.0.1');
    sockets.add(upstream);
    let connected = false;
    upstream.once('error', () => {
      if (connected) return;
      sockets.delete(upstream);
      route(client, index, tried + 1);
    });
    upstream.once('connect', () => {
      connected = true;
      routes[index] = port;
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.on('close', () => upstream.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      client.resume();
    });
  }

  const server = createServer({ pauseOnConnect: true }, (client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    routes.push(null);
    route(client, routes.length - 1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const balancer: TcpBalancer = {
    port: address.port,
    backends: [...backends],
    routes,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return balancer;
}
