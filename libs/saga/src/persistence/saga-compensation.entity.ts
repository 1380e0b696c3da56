import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { SagaCompensationStatus } from './saga-status';

/**
 * A compensation registered before its step ran. They run in reverse `seq` order, each once
 * (`pending` → `done` with a compare-and-set).
 */
@Entity({ name: 'saga_compensation' })
export class SagaCompensationRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  sagaId!: string;

  /** 1, 2, … in order of registration. */
  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 64 })
  step!: string;

  @Column({ type: 'varchar', length: 64 })
  action!: string;

  /** JSON. */
  @Column({ type: 'text' })
  args!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: SagaCompensationStatus;

  @Column({ type: Date, nullable: true })
  doneAt!: Date | null;
}
