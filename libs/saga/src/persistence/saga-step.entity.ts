import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SagaStepStatus } from './saga-status';

/** One step of one saga: its status and timestamps. The primary key makes (sagaId, name) unique. */
@Entity({ name: 'saga_step' })
export class SagaStepRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  sagaId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SagaStepStatus;

  /** Tries so far, re-runs after a crash included. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: Date, nullable: true })
  startedAt!: Date | null;

  @Column({ type: Date, nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  lastError!: string | null;

  /** The step's output as JSON. */
  @Column({ type: 'text', nullable: true })
  output!: string | null;
}
