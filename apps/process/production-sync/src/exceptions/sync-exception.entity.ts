import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A gap in one order's MES sequence that stayed open past PRODUCTION_SYNC_GAP_TIMEOUT_SECONDS:
 * later confirmations wait behind it and a person has to find the missing messages. One row per
 * (order, first missing sequence): a re-check of the same gap does not raise it twice.
 */
@Entity({ name: 'production_sync_exception' })
@Index('IDX_production_sync_exception_plant', ['plant', 'openedAt'])
export class SyncException {
  /** `<plant>/<productionOrder>/gap-<first missing>`. */
  @PrimaryColumn({ type: 'varchar', length: 128 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  plant!: string;

  @Column({ type: 'varchar', length: 64 })
  productionOrder!: string;

  @Column({ type: 'varchar', length: 32 })
  kind!: string;

  /** Comma-separated sequence numbers the MES never delivered, e.g. "2,3". */
  @Column({ type: 'varchar', length: 500 })
  missingSequences!: string;

  /** Comma-separated sequence numbers that wait behind the gap. */
  @Column({ type: 'varchar', length: 500 })
  waitingSequences!: string;

  @Column({ type: 'varchar', length: 500 })
  detail!: string;

  @Column({ type: Date })
  openedAt!: Date;
}
