import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@plantsync/platform';
import { ReconciliationModule, type ReconciliationOptions } from './reconciliation.module';

/** Builds the reconciliation and sync-health API with its worker (not listening). */
export async function createReconciliationApi(opts: ReconciliationOptions = {}): Promise<NestFastifyApplication> {
  return createApp(ReconciliationModule.forRoot({ ...opts, schedule: opts.schedule ?? process.env.RECONCILIATION_SCHEDULE !== 'off' }), {
    app: 'reconciliation',
    title: 'Plantsync reconciliation and sync health API',
    description:
      'Compares ERP and WMS stock per plant, item, location, lot and status; classifies differences (missing or duplicate posting, quantity or status mismatch); corrects the side that is not the system of record or raises it for a data steward. Reports sync health per plant × domain (GET /v1/sync-health, /metrics).',
  });
}
