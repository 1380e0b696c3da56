import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SagaFailureOutcome } from '../definition/saga-definition';
import type { SagaStatus } from './saga-status';

/**
 * One saga run. All of its state is here and in saga_step / saga_compensation, so any worker
 * process (after any restart) can continue it. `version` guards status transitions (approve vs
 * expire, two runs of one step): every transition is `UPDATE … WHERE id = ? AND version = ?`.
 */
@Entity({ name: 'saga_instance' })
@Index('IDX_saga_instance_type_status', ['type', 'status'])
@Index('IDX_saga_instance_business_key', ['businessKey'])
@Index('UQ_saga_instance_active_key', ['type', 'activeKey'], { unique: true })
export class SagaInstance {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  type!: string;

  /** e.g. `P100/MO-P100-0001`. */
  @Column({ type: 'varchar', length: 128 })
  businessKey!: string;

  /**
   * The business key while the saga is active, NULL once it ended: a unique index on
   * (type, activeKey) allows one active saga per key (NULLs never collide on SQLite or PostgreSQL).
   */
  @Column({ type: 'varchar', length: 128, nullable: true })
  activeKey!: string | null;

  @Column({ type: 'varchar', length: 24 })
  status!: SagaStatus;

  /** The step running or waiting (NULL once completed). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  currentStep!: string | null;

  /** The saga context as JSON. */
  @Column({ type: 'text' })
  context!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  failureReason!: string | null;

  /** Stable code of the failure (`rejected`, `expired`, `cancelled`, a step's code). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  failureCode!: string | null;

  /** Where it failed, waited or was cancelled. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  failedStep!: string | null;

  /** While compensating: the status it ends in (failed, cancelled, expired). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  outcome!: SagaFailureOutcome | null;

  @Column({ type: 'varchar', length: 128 })
  correlationId!: string;

  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date })
  updatedAt!: Date;

  /** Approval deadline while awaiting_approval. */
  @Column({ type: Date, nullable: true })
  deadlineAt!: Date | null;

  /** Set by cancel() on a running saga; the runner honours it before the next step. */
  @Column({ type: Date, nullable: true })
  cancelRequestedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  cancelReason!: string | null;

  /** Who approved or rejected. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  decidedBy!: string | null;
}
