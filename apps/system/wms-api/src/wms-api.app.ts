import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Landscape } from '@plantsync/landscape';
import { createApp } from '@plantsync/platform';
import { WmsApiModule } from './wms-api.module';

/** Builds the WMS system API (not listening). */
export async function createWmsApi(
  opts: { landscape?: Landscape } = {},
): Promise<NestFastifyApplication> {
  return createApp(WmsApiModule.forRoot(opts), {
    app: 'wms-api',
    title: 'Plantsync WMS API',
    description:
      "Each plant's warehouse through the canonical model: availability, stock balances, reservations, transfer orders (also across plants) and goods receipts.",
  });
}
