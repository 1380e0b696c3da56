import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DeadLetterStatus = 'open' | 'replayed' | 'discarded';

/** A job that failed for good, kept with everything needed to understand and replay it. */
@Entity({ name: 'dead_letter' })
@Index('IDX_dead_letter_status_created', ['status', 'createdAt'])
@Index('UQ_dead_letter_queue_job', ['queue', 'jobId'], { unique: true })
export class DeadLetter {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 64 })
  queue!: string;

  @Column({ type: 'varchar', length: 128 })
  jobName!: string;

  /** The failed job's id; unique per queue so a final failure is recorded once. */
  @Column({ type: 'varchar', length: 255 })
  jobId!: string;

  /** The job payload as JSON text, replayed unchanged. */
  @Column({ type: 'text' })
  payload!: string;

  /** Short code: the classified error's code (`backend-rejected`) or the error name. */
  @Column({ type: 'varchar', length: 128 })
  reason!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'text' })
  lastError!: string;

  @Column({ type: 'varchar', length: 64 })
  correlationId!: string;

  /** E.g. `P100/PO-5000`: lets support find every dead letter of one order. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  businessKey!: string | null;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  status!: DeadLetterStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  discardReason!: string | null;

  /** Replays so far; the n-th replay's job id ends in `-replay-<n>`. */
  @Column({ type: 'integer', default: 0 })
  replayCount!: number;
}
