import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/**
 * Listens on HOST (default 127.0.0.1; set 0.0.0.0 in containers) and closes the app cleanly
 * on SIGTERM/SIGINT (Redis, database, queues shut down through Nest lifecycle hooks).
 * Returns the base URL, e.g. http://127.0.0.1:3001.
 */
export async function listenApp(app: NestFastifyApplication, port: number): Promise<string> {
  const host = process.env.HOST || '127.0.0.1';
  app.enableShutdownHooks();
  await app.listen({ port, host });
  const address = app.getHttpServer().address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${actualPort}`;
}
