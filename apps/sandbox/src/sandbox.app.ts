import { LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { registerFaultInjection } from './core/faults/fault-injection.hook';
import { FaultService } from './core/faults/fault.service';
import { SandboxModule, type SandboxModuleOptions } from './sandbox.module';

export interface CreateSandboxAppOptions extends SandboxModuleOptions {
  /** Nest log levels; default warn + error (quiet: no route-mapping chatter). `false` silences. */
  logger?: LogLevel[] | false;
}

/**
 * Builds (and initialises, but does not listen) the sandbox app: core + simulator modules,
 * the fault-injection hook on `/plants/...`, and raw-string parsing of XML bodies for B2MML.
 * Callers listen themselves: `await app.listen({ port: 0, host: '127.0.0.1' })` in tests.
 */
export async function createSandboxApp(
  opts: CreateSandboxAppOptions = {},
): Promise<NestFastifyApplication> {
  const { logger, ...moduleOptions } = opts;
  const app = await NestFactory.create<NestFastifyApplication>(
    SandboxModule.forRoot(moduleOptions),
    new FastifyAdapter({ bodyLimit: 10 * 1024 * 1024 }),
    {
      logger: logger ?? ['warn', 'error'],
      abortOnError: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  registerFaultInjection(fastify, app.get(FaultService));
  // B2MML arrives as XML; hand it to the MES simulator as a raw string (it parses it itself).
  fastify.addContentTypeParser(
    /^(?:application|text)\/(?:[\w.-]+\+)?xml(?:\s*;|$)/,
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
  app.enableShutdownHooks();
  await app.init();
  return app;
}
