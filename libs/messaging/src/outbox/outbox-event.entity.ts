import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A CloudEvent written in the same transaction as the state change it reports; the relay
 * publishes it to the subscribers' queues afterwards. `claimedBy`/`claimedAt` let several
 * relay instances share the table without publishing the same row at the same time.
 */
@Entity({ name: 'outbox_event' })
@Index('IDX_outbox_event_unpublished', ['publishedAt', 'createdAt'])
export class OutboxEvent {
  /** The CloudEvent id (uuid). */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 128 })
  type!: string;

  @Column({ type: 'varchar', length: 128 })
  subject!: string;

  /** The whole CloudEvent as JSON text. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 64 })
  correlationId!: string;

  @Column({ type: Date })
  createdAt!: Date;

  @Column({ type: Date, nullable: true })
  publishedAt!: Date | null;

  /** How many times a relay claimed this row. */
  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 36, nullable: true })
  claimedBy!: string | null;

  @Column({ type: Date, nullable: true })
  claimedAt!: Date | null;
}
