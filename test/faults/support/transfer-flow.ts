import { randomUUID } from 'node:crypto';
import type { LedgerEntry } from '../../../apps/sandbox/src/core';
import { DEMO_KEYS } from '../../support/demo-keys';
import type { ApiRequestOptions, ApiResponse } from '../../support/http-client';
import { countsByOperation, postingsOfSaga } from './ledger-proof';
import { waitForSaga, type SagaState } from './saga-polling';

type Request = <T = any>(
  method: string,
  path: string,
  opts?: ApiRequestOptions,
) => Promise<ApiResponse<T>>;

/** Bearings P100 Detroit holds plenty of (400 EA unrestricted), wanted at P300 Wrocław. */
export const BEARING_TRANSFER = {
  item: 'BRG-6205',
  fromPlant: 'P100',
  toPlant: 'P300',
  reason: 'Cover the bearing shortage on the P300 gearbox line',
} as const;

export const TRANSFER_ENDED = ['completed', 'failed', 'cancelled', 'exception', 'resolved'];

export async function requestTransfer(
  request: Request,
  quantity: string,
  idempotencyKey = randomUUID(),
) {
  return request<SagaState>('POST', '/v1/inventory-transfers', {
    key: DEMO_KEYS.planner,
    headers: { 'idempotency-key': idempotencyKey },
    body: { ...BEARING_TRANSFER, quantity: { value: quantity, unit: 'EA' } },
  });
}

export function waitInTransit(request: Request, id: string, timeoutMs: number): Promise<SagaState> {
  return waitForSaga(
    request,
    `/v1/inventory-transfers/${id}`,
    DEMO_KEYS.planner,
    'in transit (or ended)',
    (t) => t.status === 'in_transit' || TRANSFER_ENDED.includes(t.status),
    timeoutMs,
  );
}

export function waitTransferEnded(
  request: Request,
  id: string,
  timeoutMs: number,
): Promise<SagaState> {
  return waitForSaga(
    request,
    `/v1/inventory-transfers/${id}`,
    DEMO_KEYS.planner,
    'ended',
    (t) => TRANSFER_ENDED.includes(t.status),
    timeoutMs,
  );
}

/** The destination confirms what arrived (the MES/WMS integration would, here the service key). */
export function receiveTransfer(
  request: Request,
  id: string,
  quantity: string,
  idempotencyKey = randomUUID(),
) {
  return request('POST', `/v1/inventory-transfers/${id}/receipts`, {
    key: DEMO_KEYS.service,
    headers: { 'idempotency-key': idempotencyKey },
    body: { quantity: { value: quantity, unit: 'EA' } },
  });
}

/**
 * A completed P100 → P300 transfer with one receipt posts each of these exactly once: reserve at
 * the source, create and confirm the stock transport order in the P100 ERP, create the transfer
 * order (taking the reservation over — never a reservation cancel), pick, ship, receive, then the
 * goods issue at P100 (create + validate, closing the STO) and the goods receipt at P300 (create +
 * validate). So P100's ERP sees two picking creates: the STO and the goods issue. The lot is created
 * in the P300 ERP at most once (not at all when P300 already knows it).
 */
export function expectTransferPostedOnce(ledger: LedgerEntry[], transferId: string): void {
  const counts = countsByOperation(postingsOfSaga(ledger, transferId));
  const lotCreated = counts['P300 erp stock.lot.create'] ?? 0;
  delete counts['P300 erp stock.lot.create'];
  expect({ transferId, counts }).toEqual({
    transferId,
    counts: {
      'P100 wms reservation.create': 1,
      'P100 wms transfer-order.create': 1,
      'P100 wms transfer-order.pick': 1,
      'P100 wms transfer-order.ship': 1,
      'P100 wms transfer-order.receive': 1,
      'P100 erp stock.picking.create': 2,
      'P100 erp stock.picking.action_confirm': 1,
      'P100 erp stock.picking.button_validate': 1,
      'P100 erp stock.picking.plantsync_close_transport': 1,
      'P300 erp stock.picking.create': 1,
      'P300 erp stock.picking.button_validate': 1,
    },
  });
  expect(lotCreated).toBeLessThanOrEqual(1);
}
