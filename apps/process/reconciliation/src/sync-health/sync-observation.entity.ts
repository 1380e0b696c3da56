import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const SYNC_OUTCOMES = ['success', 'failure', 'dead_letter'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

/**
 * One sync a process app (or this app's reconciliation) observed: a business event at a plant
 * and when, if ever, it was posted. Lag = postedAt − eventTime.
 */
@Entity({ name: 'sync_observation' })
@Index('IDX_sync_observation_scope', ['plant', 'domain', 'recordedAt'])
export class SyncObservation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  plant!: string;

  @Column({ type: 'varchar', length: 16 })
  domain!: string;

  /** e.g. the production order, confirmation or movement the sync was about. */
  @Column({ type: 'varchar', length: 128 })
  businessKey!: string;

  /** The reporting app (production-sync, order-release, reconciliation). */
  @Column({ type: 'varchar', length: 64 })
  source!: string;

  @Column({ type: 'varchar', length: 16 })
  /** dead_letter: a failure that ended in a dead letter (a person must act). */
  outcome!: SyncOutcome;

  @Column({ type: Date })
  eventTime!: Date;

  @Column({ type: Date, nullable: true })
  postedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  reason!: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  impact!: string | null;

  @Column({ type: Date })
  recordedAt!: Date;
}
