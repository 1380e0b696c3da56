import type { ErpApiClient, MesApiClient, WmsApiClient } from '@plantsync/clients';
import type { CallContext } from '@plantsync/connectors';
import type { SagaTools } from '@plantsync/saga';
import type { OrderReleaseObserver } from './order-release.observer';

/** What the steps need: the typed system API clients, the approval timeout and the sync-health observer. */
export interface OrderReleaseDeps {
  erp: ErpApiClient;
  wms: WmsApiClient;
  mes: MesApiClient;
  approvalTimeoutSeconds: number;
  /** Sync health (orders domain); absent: nothing is reported. */
  observer?: OrderReleaseObserver;
}

/**
 * The call context of a step's backend call: the saga's correlation id and, for postings, the
 * step's deterministic idempotency key (with a suffix when a step posts more than once), so a
 * retried or re-run step never posts twice.
 */
export function callContext(tools: SagaTools, suffix?: string): CallContext {
  return {
    correlationId: tools.correlationId,
    idempotencyKey: suffix ? `${tools.idempotencyKey}-${suffix}` : tools.idempotencyKey,
  };
}

/** Reads only: no idempotency key. */
export function readContext(tools: SagaTools): CallContext {
  return { correlationId: tools.correlationId };
}
