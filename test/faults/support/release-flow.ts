import { randomUUID } from 'node:crypto';
import type { LedgerEntry } from '../../../apps/sandbox/src/core';
import { DEMO_KEYS } from '../../support/demo-keys';
import type { ApiRequestOptions, ApiResponse } from '../../support/http-client';
import { countsByOperation, postingsOfSaga } from './ledger-proof';
import { waitForTerminal, type SagaState } from './saga-polling';

type Request = <T = any>(
  method: string,
  path: string,
  opts?: ApiRequestOptions,
) => Promise<ApiResponse<T>>;

/** The demo's planned orders whose components are all in stock (DEMO_SCENARIOS.releasableOrders). */
export const RELEASABLE = {
  P100: ['MO-P100-0003'],
  P200: ['MO-P200-0005', 'MO-P200-0006'],
  P300: ['MO-P300-0003', 'MO-P300-0009'],
} as const;

export interface ReleaseState extends SagaState {
  plant: string;
  productionOrder: string;
  reservations: Array<{ item: string; id: string }>;
}

export const plantOf = (productionOrder: string) => productionOrder.slice(3, 7);

export function requestRelease(
  request: Request,
  productionOrder: string,
  idempotencyKey: string = randomUUID(),
) {
  return request<ReleaseState>('POST', '/v1/order-releases', {
    key: DEMO_KEYS.planner,
    headers: { 'idempotency-key': idempotencyKey },
    body: { plant: plantOf(productionOrder), productionOrderId: productionOrder },
  });
}

export async function waitReleaseEnded(
  request: Request,
  id: string,
  timeoutMs: number,
): Promise<ReleaseState> {
  return (await waitForTerminal(
    request,
    `/v1/order-releases/${id}`,
    DEMO_KEYS.planner,
    timeoutMs,
  )) as ReleaseState;
}

/**
 * A completed release posts, at its plant, one WMS reservation per component (each item once), one
 * release of the order in the ERP and one production schedule to the MES — and nothing else.
 */
export function expectReleasePostedOnce(ledger: LedgerEntry[], release: ReleaseState): void {
  const mine = postingsOfSaga(ledger, release.id);
  const p = release.plant;
  expect({ order: release.productionOrder, counts: countsByOperation(mine) }).toEqual({
    order: release.productionOrder,
    counts: {
      [`${p} wms reservation.create`]: release.reservations.length,
      [`${p} erp mrp.production.action_confirm`]: 1,
      [`${p} mes ProcessProductionSchedule`]: 1,
    },
  });
  const reservedItems = mine
    .filter((e) => e.operation === 'reservation.create')
    .map(reservedItem)
    .sort();
  expect(reservedItems).toEqual(release.reservations.map((r) => r.item).sort());
  expect(new Set(reservedItems).size).toBe(reservedItems.length);
}

function reservedItem(entry: LedgerEntry): string {
  const payload = entry.payload as { body?: { itemNumber?: string } };
  return payload.body?.itemNumber ?? '?';
}
