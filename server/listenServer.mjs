// Listening with a Node HTTP or HTTPS server: the port actually bound (port 0: any free one), and a close that also
// drops the connections still open.

/**
 * @param {import('node:http').Server | import('node:https').Server} server not yet listening
 * @param {{ host: string, port: number, what: string }} where `what` names the server in the error without a TCP address
 * @returns {Promise<{ port: number, close: () => Promise<void> }>}
 */
export async function listenServer(server, { host, port, what }) {
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      server.on('error', () => {});
      resolve(undefined);
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error(`${what} has no TCP address`);
  return {
    port: address.port,
    close: () =>
      new Promise((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
