import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Lifecycle of a stored inbound message: 'received' when stored; production-sync reports it on as
 * 'waiting' (an earlier sequence of its order is missing), 'posted' (in ERP and WMS) or 'failed'
 * (a dead letter with the business reason).
 */
export const INBOUND_CONFIRMATION_STATUSES = ['received', 'waiting', 'posted', 'failed'] as const;
export type InboundConfirmationStatus = (typeof INBOUND_CONFIRMATION_STATUSES)[number];

const json = {
  to: (value: unknown) => JSON.stringify(value),
  from: (value: string | null) => (value === null ? null : JSON.parse(value)),
};

/**
 * One production confirmation as a plant MES sent it, stored before we answer 202. The unique
 * (plant, message_id) constraint is the deduplication: a repeat of a message id can never be
 * stored twice, whatever the timing of concurrent requests.
 */
@Entity({ name: 'inbound_confirmations' })
@Index('uq_inbound_confirmations_plant_message', ['plant', 'messageId'], { unique: true })
@Index('ix_inbound_confirmations_status', ['status'])
export class InboundConfirmationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  plant!: string;

  @Column({ name: 'message_id', type: 'varchar', length: 128 })
  messageId!: string;

  @Column({ name: 'production_order', type: 'varchar', length: 64 })
  productionOrder!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  /** The canonical ProductionConfirmation as JSON text (portable across SQLite and PostgreSQL). */
  @Column({ type: 'text', transformer: json })
  payload!: Record<string, unknown>;

  /** `json` or `b2mml`: how the MES sent it. */
  @Column({ type: 'varchar', length: 8 })
  format!: string;

  @Column({ name: 'received_at', type: Date })
  receivedAt!: Date;

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status!: InboundConfirmationStatus;

  @Column({ name: 'receipt_id', type: 'varchar', length: 36 })
  receiptId!: string;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128, nullable: true })
  correlationId!: string | null;
}
