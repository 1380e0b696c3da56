import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One receipt the destination confirmed for a transfer (partial receipts allowed). The WMS is the
 * system of record for what arrived; this row is the transfer's history for GET, written once per
 * receipt (primary key = the idempotency key the WMS receive carried).
 */
@Entity({ name: 'inventory_transfer_receipt' })
@Index('IDX_inventory_transfer_receipt_transfer', ['transferId'])
export class TransferReceipt {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  transferId!: string;

  /** Decimal string (ADR 0001). */
  @Column({ type: 'varchar', length: 40 })
  quantity!: string;

  @Column({ type: 'varchar', length: 12 })
  unit!: string;

  /** The transfer order's received total after this receipt. */
  @Column({ type: 'varchar', length: 40 })
  receivedTotal!: string;

  @Column({ type: 'varchar', length: 128 })
  receivedBy!: string;

  @Column({ type: Date })
  receivedAt!: Date;
}
