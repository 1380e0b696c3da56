import { defineJob, type JobDefinition, type JobPayload } from './job-definition';

/**
 * The typed catalogue of process jobs, shared by the APIs that enqueue them and the workers that
 * run them. One queue per process, so one stuck process never starves another.
 */
export const ProcessQueue = {
  OrderRelease: 'order-release',
  InventoryTransfer: 'inventory-transfer',
  ProductionSync: 'production-sync',
  Reconciliation: 'reconciliation',
} as const;
export type ProcessQueue = (typeof ProcessQueue)[keyof typeof ProcessQueue];

export const ProcessJobName = {
  // order-release saga (libs/saga): one job per step, per compensation action, and the approval deadline.
  LoadProductionOrder: 'load-production-order',
  SelectBomRevision: 'select-bom-revision',
  ExplodeBom: 'explode-bom',
  CheckAvailability: 'check-availability',
  ResolveShortages: 'resolve-shortages',
  ReserveComponents: 'reserve-components',
  ReleaseInErp: 'release-in-erp',
  DispatchWorkOrders: 'dispatch-work-orders',
  PublishReleased: 'publish-released',
  CancelReservation: 'cancel-reservation',
  RevertErpRelease: 'revert-erp-release',
  ExpireApproval: 'expire-approval',
  // inventory-transfer saga (apps/process/inventory-transfer): steps, compensations, receipt deadline.
  ValidateTransfer: 'validate-transfer',
  CheckSourceAvailability: 'check-source-availability',
  ReserveSourceStock: 'reserve-source-stock',
  CreateStockTransport: 'create-stock-transport',
  CreateTransferOrder: 'create-transfer-order',
  PickTransfer: 'pick-transfer',
  ShipTransfer: 'ship-transfer',
  ReceiveTransfer: 'receive-transfer',
  PostGoodsIssue: 'post-goods-issue',
  PostGoodsReceipt: 'post-goods-receipt',
  CancelStockTransport: 'cancel-stock-transport',
  CancelTransferOrder: 'cancel-transfer-order',
  SyncProductionConfirmations: 'sync-production-confirmations',
  // reconciliation (apps/process/reconciliation): one run per domain, on a job scheduler or on demand.
  ReconcileDomain: 'reconcile-domain',
} as const;
export type ProcessJobName = (typeof ProcessJobName)[keyof typeof ProcessJobName];

/** A step of one production order's release saga. */
export interface OrderReleaseStepPayload extends JobPayload {
  plant: string;
  productionOrder: string;
  /** Saga instance id: the processor reloads the saga row by it. */
  sagaId: string;
  /** Compensation jobs: which registered compensation (saga_compensation.seq). */
  seq?: number;
}

export interface InventoryTransferStepPayload extends JobPayload {
  transfer: string;
  sagaId: string;
}

export interface ProductionSyncPayload extends JobPayload {
  plant: string;
  /** Sync cursor id; the processor reads the cursor value from the database. */
  cursorId: string;
}

/** One reconciliation run: `runId` names the stored run (on demand), absent for a scheduled tick. */
export interface ReconciliationPayload extends JobPayload {
  /** inventory: ERP vs WMS stock; orders: ERP production orders vs MES work orders; master_data: items vs the ERP item masters. */
  domain: 'inventory' | 'orders' | 'master_data';
  plant?: string;
  runId?: string;
}

export const ProcessJobs = {
  LoadProductionOrder: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.LoadProductionOrder),
  SelectBomRevision: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.SelectBomRevision),
  ExplodeBom: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.ExplodeBom),
  CheckAvailability: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.CheckAvailability),
  ResolveShortages: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.ResolveShortages),
  ReserveComponents: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.ReserveComponents),
  ReleaseInErp: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.ReleaseInErp),
  DispatchWorkOrders: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.DispatchWorkOrders),
  PublishReleased: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.PublishReleased),
  CancelReservation: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.CancelReservation),
  RevertErpRelease: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.RevertErpRelease),
  ExpireOrderReleaseApproval: defineJob<OrderReleaseStepPayload>(ProcessQueue.OrderRelease, ProcessJobName.ExpireApproval),
  ValidateTransfer: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.ValidateTransfer),
  CheckSourceAvailability: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.CheckSourceAvailability),
  ReserveSourceStock: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.ReserveSourceStock),
  CreateStockTransport: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.CreateStockTransport),
  CreateTransferOrder: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.CreateTransferOrder),
  PickTransfer: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.PickTransfer),
  ShipTransfer: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.ShipTransfer),
  ReceiveTransfer: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.ReceiveTransfer),
  PostGoodsIssue: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.PostGoodsIssue),
  PostGoodsReceipt: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.PostGoodsReceipt),
  CancelTransferReservation: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.CancelReservation),
  CancelStockTransport: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.CancelStockTransport),
  CancelTransferOrder: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.CancelTransferOrder),
  ExpireTransferReceipt: defineJob<InventoryTransferStepPayload>(ProcessQueue.InventoryTransfer, ProcessJobName.ExpireApproval),
  SyncProductionConfirmations: defineJob<ProductionSyncPayload>(
    ProcessQueue.ProductionSync,
    ProcessJobName.SyncProductionConfirmations,
  ),
  ReconcileDomain: defineJob<ReconciliationPayload>(ProcessQueue.Reconciliation, ProcessJobName.ReconcileDomain),
} as const;

export const PROCESS_JOB_CATALOGUE: readonly JobDefinition[] = Object.values(ProcessJobs);
