import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** waiting: an earlier sequence of its order has not been posted yet; posted; failed (dead letter). */
export type SyncedConfirmationStatus = 'waiting' | 'posted' | 'failed';

/**
 * One confirmation production-sync has taken over from mes-api, keyed `<plant>/<messageId>` so a
 * redelivered event finds the row it wrote before. The confirmation itself is kept (JSON text)
 * because a waiting message is posted later, when its gap closes, without asking mes-api again.
 */
@Entity({ name: 'production_sync_confirmation' })
@Index('IDX_production_sync_confirmation_order', ['plant', 'productionOrder', 'sequence'])
export class SyncedConfirmation {
  @PrimaryColumn({ type: 'varchar', length: 160 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  plant!: string;

  @Column({ type: 'varchar', length: 128 })
  messageId!: string;

  @Column({ type: 'varchar', length: 64 })
  productionOrder!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  /** The canonical ProductionConfirmation as JSON text (portable). */
  @Column({ type: 'text' })
  confirmation!: string;

  /** The PostingPlan (JSON text), stored before the first movement so a retry repeats exactly it. */
  @Column({ type: 'text', nullable: true })
  plan!: string | null;

  @Column({ type: 'varchar', length: 16 })
  status!: SyncedConfirmationStatus;

  /** Why it failed, in a supervisor's words. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 128 })
  correlationId!: string;

  /** The ProductionPerformanceReceived event that brought it (a dead letter replays that event). */
  @Column({ type: 'varchar', length: 64 })
  eventId!: string;

  @Column({ type: Date })
  receivedAt!: Date;

  @Column({ type: Date, nullable: true })
  postedAt!: Date | null;
}
