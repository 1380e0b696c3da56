import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type DifferenceAction = 'corrected' | 'exception' | 'correction_failed';

/** One difference a run found, and what the run did about it. */
@Entity({ name: 'reconciliation_difference' })
@Index('IDX_reconciliation_difference_run', ['runId', 'seq'])
export class ReconciliationDifference {
  /** `<runId>:<seq>`. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  id!: string;

  @Column({ type: 'varchar', length: 36 })
  runId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'varchar', length: 24 })
  kind!: string;

  @Column({ type: 'varchar', length: 16 })
  plant!: string;

  @Column({ type: 'varchar', length: 64 })
  item!: string;

  /** null for an orders difference (an order has no stock location). */
  @Column({ type: 'varchar', length: 64, nullable: true })
  location!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  lot!: string | null;

  /** null for an orders difference. */
  @Column({ type: 'varchar', length: 24, nullable: true })
  stockStatus!: string | null;

  /** The production order number (orders differences); null for stock differences. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  businessKey!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  erpStatus!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  wmsStatus!: string | null;

  /** The MES work order's status (orders differences; null when the MES holds none). */
  @Column({ type: 'varchar', length: 24, nullable: true })
  mesStatus!: string | null;

  /** Decimal strings (ADR 0001). */
  @Column({ type: 'varchar', length: 40, nullable: true })
  erpQuantity!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  wmsQuantity!: string | null;

  @Column({ type: 'varchar', length: 16 })
  unit!: string;

  @Column({ type: 'varchar', length: 8, nullable: true })
  missingIn!: string | null;

  @Column({ type: 'text' })
  explanation!: string;

  @Column({ type: 'varchar', length: 24 })
  action!: DifferenceAction;

  /**
   * JSON: the ERP postings on the difference's item × location × lot, newest first (inventory
   * differences); null when none were read (orders, master data, a failed read, beyond the listed ones).
   */
  @Column({ type: 'text', nullable: true })
  trace!: string | null;

  /** JSON: the correcting movement and event, or why a data steward must decide. */
  @Column({ type: 'text' })
  actionDetail!: string;
}
