import type {
  Availability,
  CreateExpectedReceiptInput,
  CreateGoodsIssueInput,
  GoodsIssue,
  CreateReceiptInput,
  ExpectedReceipt,
  CreateReservationBatchInput,
  CreateReservationInput,
  CreateTransferOrderInput,
  Receipt,
  ReceiveTransferInput,
  Reservation,
  StockStatus,
  TransferOrder,
} from '@plantsync/canonical';
import type { ReservationStatus } from '@plantsync/canonical';
import type { BalancePage, BalancePageRequest } from './balance-page';
import type { CallContext } from './call-context';
import { PlantConnector } from './plant-connector';

export interface AvailabilityQuery {
  item: string;
  location?: string;
  lot?: string;
}

export interface BalanceQuery {
  item?: string;
  location?: string;
  lot?: string;
  status?: StockStatus;
}

export interface ReservationQuery {
  status?: ReservationStatus;
  item?: string;
}

/** One plant's WMS through the canonical model. */
export abstract class WmsConnector extends PlantConnector {
  /** available-to-promise = unrestricted − reserved; quality inspection and blocked stock never count. */
  abstract getAvailability(ctx: CallContext, query: AvailabilityQuery): Promise<Availability>;
  /** One page of the balances matching `query`, in the shared balance order (see BalancePage). */
  abstract listBalancePage(ctx: CallContext, query: BalanceQuery, page: BalancePageRequest): Promise<BalancePage>;

  abstract createReservation(ctx: CallContext, input: CreateReservationInput): Promise<Reservation>;
  /** Every line reserved in one WMS transaction, or none (the first refusal is the error); in line order. */
  abstract createReservations(ctx: CallContext, input: CreateReservationBatchInput): Promise<Reservation[]>;
  abstract getReservation(ctx: CallContext, id: string): Promise<Reservation>;
  /** Reservations by status and item, ordered by id (reconciliation checks open ones against their orders). */
  abstract listReservations(ctx: CallContext, query: ReservationQuery): Promise<Reservation[]>;
  abstract cancelReservation(ctx: CallContext, id: string): Promise<Reservation>;

  abstract createTransferOrder(ctx: CallContext, input: CreateTransferOrderInput): Promise<TransferOrder>;
  abstract getTransferOrder(ctx: CallContext, id: string): Promise<TransferOrder>;
  abstract pickTransferOrder(ctx: CallContext, id: string): Promise<TransferOrder>;
  abstract shipTransferOrder(ctx: CallContext, id: string): Promise<TransferOrder>;
  abstract receiveTransferOrder(ctx: CallContext, id: string, input: ReceiveTransferInput): Promise<TransferOrder>;
  /**
   * created/picked → cancelled; a reservation the order took over is cancelled with it. Cancelling
   * a cancelled order answers it unchanged; a shipped one is a conflict (`invalid-state`).
   */
  abstract cancelTransferOrder(ctx: CallContext, id: string): Promise<TransferOrder>;

  abstract createReceipt(ctx: CallContext, input: CreateReceiptInput): Promise<Receipt>;

  /** Takes unrestricted stock out of one location and lot (production consumption, scrap); 409 when it holds less. */
  abstract createGoodsIssue(ctx: CallContext, input: CreateGoodsIssueInput): Promise<GoodsIssue>;

  /** Announces an inbound delivery (a supplier's ship notice); books no stock. */
  abstract createExpectedReceipt(ctx: CallContext, input: CreateExpectedReceiptInput): Promise<ExpectedReceipt>;
}
