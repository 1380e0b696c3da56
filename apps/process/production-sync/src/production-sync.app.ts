import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@plantsync/platform';
import { ProductionSyncModule, type ProductionSyncOptions } from './production-sync.module';
import { roleFromEnv } from './production-sync.role';

/** Builds the production-sync process API (not listening). Role from PRODUCTION_SYNC_ROLE unless given. */
export async function createProductionSyncApi(opts: ProductionSyncOptions = {}): Promise<NestFastifyApplication> {
  return createApp(ProductionSyncModule.forRoot({ ...opts, role: opts.role ?? roleFromEnv() }), {
    app: 'production-sync',
    title: 'Plantsync production sync API',
    description:
      "Posts the production the plant MES reports (through the MES system API) to ERP and WMS: in the MES' sequence per production order, each posting once (idempotency keys), with backflush of components, quality holds on excess scrap, dead letters a plant supervisor can read, and sequence gaps that stay open too long as exceptions.",
  });
}
