import type { Quantity } from '@plantsync/canonical';

/*
 * What the process APIs answer (docs/openapi/order-release.json, inventory-transfer.json). Declared
 * here, not imported, because no lib or app may import an app: the OpenAPI documents are the contract.
 */

export type ProcessStepStatus = 'pending' | 'running' | 'done' | 'failed' | 'compensated' | 'skipped';

export interface ProcessStepView {
  name: string;
  status: ProcessStepStatus;
  attempts: number;
  startedAt?: string | null;
  finishedAt?: string | null;
  lastError?: string | null;
}

export interface ProcessCompensationView {
  step: string;
  action: string;
  status: 'pending' | 'done';
  doneAt?: string | null;
  seq?: number;
}

export interface ProcessFailureView {
  step?: string | null;
  code: string;
  reason: string;
}

export type OrderReleaseStatus =
  | 'running'
  | 'awaiting_approval'
  | 'compensating'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'expired'
  | 'exception'
  | 'resolved';

export interface OrderReleaseShortageView {
  item: string;
  required: Quantity;
  available: Quantity;
  shortfall?: Quantity;
  coveredByPurchaseOrders?: boolean;
  purchaseOrders: string[];
}

export interface OrderReleaseView {
  id: string;
  plant: string;
  productionOrder: string;
  status: OrderReleaseStatus;
  currentStep: string | null;
  requestedBy: string;
  correlationId: string;
  createdAt: string;
  updatedAt: string;
  approvalDeadline: string | null;
  decidedBy: string | null;
  cancelRequestedAt: string | null;
  failure?: ProcessFailureView | null;
  bomRevision?: string;
  steps: ProcessStepView[];
  shortages: OrderReleaseShortageView[];
  requirements: Array<{ item: string; quantity: Quantity; available?: Quantity }>;
  reservations: Array<{ item: string; id: string; quantity: Quantity }>;
  compensations: ProcessCompensationView[];
  workOrder?: string;
}

export interface OrderReleasePage {
  items: OrderReleaseView[];
}

export interface StartOrderReleaseInput {
  plant: string;
  productionOrderId: string;
}

export interface ListOrderReleasesQuery {
  plant?: string;
  status?: OrderReleaseStatus;
  productionOrder?: string;
  limit?: number;
}

export type InventoryTransferStatus =
  | 'requested'
  | 'in_transit'
  | 'partially_received'
  | 'received'
  | 'completed'
  | 'compensating'
  | 'failed'
  | 'cancelled'
  | 'exception'
  | 'resolved';

export interface InventoryTransferView {
  id: string;
  status: InventoryTransferStatus;
  sagaStatus: string;
  currentStep?: string | null;
  item: string;
  lot?: string;
  fromPlant: string;
  fromLocation?: string;
  toPlant: string;
  toLocation?: string;
  reason: string;
  requestedBy: string;
  reservation?: string;
  /** The stock transport order's number in the source plant's ERP. */
  stockTransport?: string;
  transferOrder?: string;
  goodsIssue?: string;
  goodsReceipt?: string;
  quantities: { requested: Quantity; shipped: Quantity; received: Quantity };
  receipts: Array<{ quantity: Quantity; receivedTotal?: Quantity; receivedBy: string; receivedAt: string }>;
  failure?: ProcessFailureView | null;
  steps: ProcessStepView[];
  compensations: ProcessCompensationView[];
  correlationId: string;
  createdAt: string;
  updatedAt: string;
}

export interface RequestInventoryTransferInput {
  item: string;
  quantity: Quantity;
  lot?: string;
  fromPlant: string;
  fromLocation?: string;
  toPlant: string;
  toLocation?: string;
  reason: string;
}
