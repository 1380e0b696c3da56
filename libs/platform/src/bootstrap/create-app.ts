import type { INestApplication } from '@nestjs/common';
import { NestFactory, type IEntryNestModule } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { installCorrelationHooks } from '../correlation/correlation.hooks';
import { installRequestLogHook } from '../logging/request-log.hook';
import { setupOpenApi } from '../openapi/openapi.setup';

export interface CreateAppOptions {
  /** Same name as PlatformModule.forRoot({ app }). */
  app: string;
  title: string;
  description: string;
  version?: string;
}

/**
 * Creates the Fastify Nest app with everything the platform applies (logger, correlation
 * hooks, OpenAPI at /docs), not yet listening. The root module must import
 * PlatformModule.forRoot({ app }). Call listenApp (or app.init / app.listen in tests).
 */
export async function createApp(
  rootModule: IEntryNestModule,
  opts: CreateAppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // installRequestLogHook logs requests; Fastify's own logger would log them twice.
    logger: false,
    // Correlation ids come from X-Correlation-ID (see correlation.hooks.ts), not request-id.
    requestIdHeader: false,
    bodyLimit: 5 * 1024 * 1024,
  });
  installCorrelationHooks(adapter.getInstance());
  installRequestLogHook(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
  });
  try {
    app.useLogger(app.get(Logger));
  } catch {
    await app.close();
    throw new Error(
      `createApp(${opts.app}): the root module must import PlatformModule.forRoot({ app: '${opts.app}' })`,
    );
  }
  app.flushLogs();
  setupOpenApi(app as INestApplication, opts);
  return app;
}
