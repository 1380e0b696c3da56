import { createServer } from 'node:net';

/**
 * A TCP port nobody listens on right now, chosen by the OS. The app that gets it binds a moment
 * later; the window is tiny and each test file asks for its own ports.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}
