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
  /** `<person> via <service key>` when a service sent X-Acting-For. */
  decidedBy: string | null;
  cancelRequestedAt: string | null;
  /** Why and by whom (order-release appends `(by <actor>)`); absent from older order-release versions. */
  cancelReason?: string | null;
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

/* reconciliation (docs/openapi/reconciliation.json) */

export type SyncDomainName = 'inventory' | 'production' | 'orders' | 'master_data';

export interface SyncFailureView {
  plant: string;
  domain: string;
  /** null for a backend outage. */
  businessKey: string | null;
  reason: string;
  impact: string;
  kind: 'failure' | 'dead_letter' | 'backend_down' | string;
  at: string;
}

export interface SyncHealthEntryView {
  plant: string;
  domain: SyncDomainName;
  lastSuccessfulSync: string | null;
  lagP50Seconds: number | null;
  lagP95Seconds: number | null;
  backlog: number;
  failureRate: number | null;
  deadLetters: number;
  observed: number;
  maxLagSeconds: number | null;
  stale: boolean;
  staleReasons: string[];
  failures: SyncFailureView[];
}

export interface SyncHealthView {
  generatedAt: string;
  windowSeconds: number;
  entries: SyncHealthEntryView[];
}

export interface ReconciliationRunView {
  id: string;
  domain: string;
  /** null = every plant. */
  plant: string | null;
  trigger: string;
  status: 'queued' | 'running' | 'completed' | 'failed';
  systemOfRecord: string | null;
  counts: { differences: number; exceptions: number; correctionFailures: number; corrected: number } | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ReconciliationDifferenceView {
  seq: number;
  kind: string;
  plant: string;
  item: string;
  location: string;
  lot: string | null;
  stockStatus: string;
  erpQuantity: string | null;
  wmsQuantity: string | null;
  unit: string;
  missingIn: string | null;
  explanation: string;
  action: 'corrected' | 'exception' | 'correction_failed';
  actionDetail: Record<string, unknown>;
}

export interface ReconciliationRunDetailView extends ReconciliationRunView {
  differences: ReconciliationDifferenceView[];
  differencesTruncated: boolean;
}

/* production-sync (docs/openapi/production-sync.json) */

export interface SyncExceptionView {
  id: string;
  plant: string;
  productionOrder: string;
  kind: 'sequence-gap' | string;
  missingSequences: number[];
  waitingSequences: number[];
  status: 'open' | 'closed';
  detail: string;
  openedAt: string;
}

/* dead letters (libs/messaging's /v1/dead-letters, mounted by each process app) */

export type DeadLetterStatusName = 'open' | 'replayed' | 'discarded';

export interface DeadLetterView {
  id: string;
  queue: string;
  jobName: string;
  jobId: string;
  payload: unknown;
  reason: string;
  attempts: number;
  lastError: string;
  correlationId: string;
  businessKey: string | null;
  createdAt: string;
  status: DeadLetterStatusName;
  discardReason: string | null;
  replayCount: number;
}

export interface DeadLetterFilterInput {
  queue?: string;
  jobName?: string;
  reason?: string;
  businessKey?: string;
}

export interface DeadLetterPageView {
  items: DeadLetterView[];
  nextCursor: string | null;
}
