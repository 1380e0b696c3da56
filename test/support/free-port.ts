import { createServer } from 'node:net';

/**
 * A port nothing listens on yet, for an app that must be told where another one will be before
 * that one comes up (e.g. where reconciliation will take sync observations).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
