import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ClientsModuleOptions } from '@plantsync/clients';
import type { RetryPolicy } from '@plantsync/messaging';
import { createApp, validateConfig } from '@plantsync/platform';
import type { SagaRecoveryOptions } from '@plantsync/saga';
import { OrderReleaseConfig } from './config/order-release.config';
import { ORDER_RELEASE_APP, OrderReleaseModule } from './order-release.module';

export interface CreateOrderReleaseApiOptions {
  clients?: ClientsModuleOptions;
  recovery?: Partial<SagaRecoveryOptions> | false;
  retryPolicies?: Record<string, Partial<RetryPolicy>>;
  /** Env overrides of OrderReleaseConfig (tests); default process.env. */
  env?: Record<string, string | undefined>;
}

/** Builds the order-release process app (not listening). */
export async function createOrderReleaseApi(opts: CreateOrderReleaseApiOptions = {}): Promise<NestFastifyApplication> {
  const config = validateConfig(OrderReleaseConfig, { ...process.env, ...opts.env });
  return createApp(OrderReleaseModule.forRoot({ config, clients: opts.clients, recovery: opts.recovery, retryPolicies: opts.retryPolicies }), {
    app: ORDER_RELEASE_APP,
    title: 'Plantsync Order Release API',
    description:
      'Releases production orders to the shop floor as a saga: load the order, pick the effective BOM revision, explode it, check availability, resolve shortages (purchase orders or a planner’s approval), reserve components, release in the ERP, dispatch to the MES. Every step idempotent, compensated in reverse on failure.',
  });
}
