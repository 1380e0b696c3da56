import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Landscape } from '@plantsync/landscape';
import { createApp } from '@plantsync/platform';
import { ErpApiModule } from './erp-api.module';

/** Builds the ERP system API (not listening). */
export async function createErpApi(
  opts: { landscape?: Landscape } = {},
): Promise<NestFastifyApplication> {
  return createApp(ErpApiModule.forRoot(opts), {
    app: 'erp-api',
    title: 'Plantsync ERP API',
    description:
      "Each plant's ERP through the canonical model: items, effective BOMs and explosions, production orders and their lifecycle, purchase orders with supplier acknowledgements, and goods movements.",
  });
}
