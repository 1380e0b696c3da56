import Fastify, { type FastifyInstance } from 'fastify';
import type { Level, Logger } from 'pino';
import { pinoHttp, type Options } from 'pino-http';
import { Writable } from 'node:stream';
import { installCorrelationHooks } from '../correlation/correlation.hooks';
import type { PlatformConfig } from '../config/platform.config';
import { loggingParams } from './logging.options';
import { installRequestLogHook } from './request-log.hook';

/**
 * A Fastify app whose request lines land in `lines`, written by the logger the platform's apps
 * get: nestjs-pino builds it through pino-http from loggingParams (serializers included).
 */
function appLoggingAt(level: Level | 'silent', lines: Record<string, unknown>[]): FastifyInstance {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const params = loggingParams('wms-api', { LOG_LEVEL: level } as PlatformConfig);
  const logger: Logger = pinoHttp(params.pinoHttp as Options, sink).logger;
  const app = Fastify({ logger: false });
  installCorrelationHooks(app);
  installRequestLogHook(app, () => logger);
  app.get('/v1/things', async () => ({ ok: true }));
  app.get('/v1/broken', async () => {
    throw new Error('backend exploded');
  });
  return app;
}

describe('request log hook', () => {
  it('writes one info line per successful request with correlation id, route, status and duration', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = appLoggingAt('info', lines);
    await app.inject({
      url: '/v1/things?item=BRKT-1042',
      headers: { 'x-correlation-id': 'corr-42', 'x-api-key': 'secret-key' },
    });
    await app.close();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      app: 'wms-api',
      msg: 'request completed',
      correlationId: 'corr-42',
      method: 'GET',
      url: '/v1/things?item=BRKT-1042',
      status: 200,
    });
    expect(typeof lines[0].durationMs).toBe('number');
    expect(JSON.stringify(lines)).not.toContain('secret-key');
  });

  it('logs client errors as warnings and server errors as errors', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = appLoggingAt('info', lines);
    await app.inject({ url: '/v1/nothing-here' });
    await app.inject({ url: '/v1/broken' });
    await app.close();
    expect(lines.map((l) => [l.level, l.status])).toEqual([
      [40, 404],
      [50, 500],
    ]);
  });

  it('writes nothing below the configured level', async () => {
    const lines: Record<string, unknown>[] = [];
    const app = appLoggingAt('warn', lines);
    await app.inject({ url: '/v1/things' });
    await app.inject({ url: '/v1/nothing-here' });
    await app.close();
    expect(lines.map((l) => l.status)).toEqual([404]);
  });
});
