import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The MES sequence number the next posting of one production order must carry. Confirmations
 * apply strictly in this order; one that arrives early waits until the cursor reaches it.
 */
@Entity({ name: 'production_sync_order_cursor' })
export class OrderCursor {
  /** `<plant>/<productionOrder>`. */
  @PrimaryColumn({ type: 'varchar', length: 96 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  plant!: string;

  @Column({ type: 'varchar', length: 64 })
  productionOrder!: string;

  @Column({ type: 'integer' })
  nextSequence!: number;

  @Column({ type: Date })
  updatedAt!: Date;
}

export const cursorId = (plant: string, productionOrder: string): string => `${plant}/${productionOrder}`;
