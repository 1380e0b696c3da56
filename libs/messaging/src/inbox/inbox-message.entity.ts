import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per (consumer, event) a consumer has applied. The composite primary key is the unique
 * constraint that makes a redelivered event a no-op: the second insert fails, its transaction rolls back.
 */
@Entity({ name: 'inbox_message' })
export class InboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  consumer!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  eventId!: string;

  @Column({ type: Date })
  processedAt!: Date;
}
