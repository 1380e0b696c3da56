import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Landscape } from '@plantsync/landscape';
import { createApp } from '@plantsync/platform';
import { MesApiModule } from './mes-api.module';

/**
 * B2MML bodies may carry up to 1,000 production responses; XML is verbose, so the XML parser
 * gets 10 MB (JSON stays at the platform's 5 MB, ample for 1,000 JSON confirmations). Bounded either way.
 */
export const XML_BODY_LIMIT_BYTES = 10 * 1024 * 1024;

/** Builds the MES system API (not listening). */
export async function createMesApi(
  opts: { landscape?: Landscape } = {},
): Promise<NestFastifyApplication> {
  const app = await createApp(MesApiModule.forRoot(opts), {
    app: 'mes-api',
    title: 'Plantsync MES API',
    description:
      "Each plant's MES through the canonical model: work-order dispatch and the inbound for production performance.",
  });
  // XML (B2MML) arrives as a raw string; the production-performance parser reads it.
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(
      /^(?:application|text)\/(?:[\w.-]+\+)?xml(?:\s*;|$)/,
      { parseAs: 'string', bodyLimit: XML_BODY_LIMIT_BYTES },
      (_req, body, done) => done(null, body),
    );
  return app;
}
