import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProductionConfirmation } from '@plantsync/canonical';
import { randomUUID } from 'node:crypto';
import { OutboxRelay, OutboxWriter } from '@plantsync/messaging';
import { GroupCommit } from '@plantsync/persistence';
import { DataSource } from 'typeorm';
import {
  InboundConfirmationEntity,
  type InboundConfirmationStatus,
} from './inbound-confirmation.entity';
import {
  writeInboundGroup,
  type InboundOutcome,
  type InboundSubmission,
} from './inbound-group.writer';
import type { InboundReceipt, StoredConfirmation } from './inbound-receipt';

/**
 * Messages per group-commit transaction: a burst of concurrent posts is written a few thousand
 * rows at a time (one post of up to 1,000 always goes whole), so no one transaction grows unbounded.
 */
const MAX_MESSAGES_PER_FLUSH = 2000;

/**
 * The durable inbox. Concurrent posts are stored by group commit (docs/adr/0011): their messages
 * go into one transaction with their outbox events, and each post is answered only after that
 * transaction committed, with the messages it stored itself (accepted) and the rest (duplicates).
 * Deduplication stays the unique (plant, message_id) index, so two concurrent posts of the same
 * message store it once and exactly one of them calls it accepted, in one process or several.
 */
@Injectable()
export class InboundConfirmationsService {
  private readonly groupCommit: GroupCommit<InboundSubmission, InboundOutcome>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OutboxWriter) outbox: OutboxWriter,
    @Inject(OutboxRelay) relay: OutboxRelay,
  ) {
    this.groupCommit = new GroupCommit(
      dataSource,
      (manager, posts) => writeInboundGroup(manager, outbox, posts),
      {
        maxWeightPerFlush: MAX_MESSAGES_PER_FLUSH,
        weightOf: (post) => post.confirmations.length,
        // One nudge per committed group: the relay publishes what the group stored.
        afterCommit: () => relay.nudge(),
      },
    );
  }

  async receive(
    plant: string,
    confirmations: ProductionConfirmation[],
    format: 'json' | 'b2mml',
    correlationId: string | undefined,
  ): Promise<InboundReceipt> {
    const receiptId = randomUUID();
    const receivedAt = new Date();
    const { accepted, duplicates } = await this.groupCommit.submit({
      plant,
      confirmations,
      format,
      correlationId,
      receiptId,
      receivedAt,
    });
    return { receiptId, accepted, duplicates, receivedAt: receivedAt.toISOString() };
  }

  /** production-sync's report; false when no such message was stored. */
  async setStatus(
    plant: string,
    messageId: string,
    status: InboundConfirmationStatus,
  ): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(InboundConfirmationEntity)
      .update({ plant, messageId }, { status });
    return (result.affected ?? 0) > 0;
  }

  async find(plant: string, messageId: string): Promise<StoredConfirmation | undefined> {
    const row = await this.dataSource
      .getRepository(InboundConfirmationEntity)
      .findOne({ where: { plant, messageId } });
    if (!row) return undefined;
    return {
      plant: row.plant,
      messageId: row.messageId,
      productionOrder: row.productionOrder,
      sequence: row.sequence,
      status: row.status,
      format: row.format,
      receivedAt: new Date(row.receivedAt).toISOString(),
      receiptId: row.receiptId,
      correlationId: row.correlationId,
      confirmation: row.payload as unknown as ProductionConfirmation,
    };
  }
}
