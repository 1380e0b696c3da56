import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProductionConfirmation } from '@plantsync/canonical';
import { randomUUID } from 'node:crypto';
import { createEvent, EventTypes, OutboxRelay, OutboxWriter } from '@plantsync/messaging';
import { serialisedTransaction } from '@plantsync/persistence';
import { DataSource } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import {
  InboundConfirmationEntity,
  type InboundConfirmationStatus,
} from './inbound-confirmation.entity';
import type { InboundReceipt, StoredConfirmation } from './inbound-receipt';

/** Rows per INSERT statement: well under SQLite's and PostgreSQL's bind-parameter limits. */
const INSERT_CHUNK = 100;

/**
 * The durable inbox. Every message is written with INSERT … ON CONFLICT DO NOTHING (SQLite:
 * INSERT OR IGNORE) against the unique (plant, message_id) index, all in one transaction; the
 * rows that carry this receipt's id afterwards are exactly the ones this request stored. So two
 * concurrent posts of the same message store it once and exactly one of them calls it accepted.
 */
@Injectable()
export class InboundConfirmationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async receive(
    plant: string,
    confirmations: ProductionConfirmation[],
    format: 'json' | 'b2mml',
    correlationId: string | undefined,
  ): Promise<InboundReceipt> {
    const receiptId = randomUUID();
    const receivedAt = new Date();
    const seen = new Set<string>();
    // The payload column is JSON text via its transformer, so TypeORM's deep-partial typing does not apply.
    const rows: QueryDeepPartialEntity<InboundConfirmationEntity>[] = [];
    for (const c of confirmations) {
      if (seen.has(c.messageId)) continue; // the same id twice in one request is one message
      seen.add(c.messageId);
      rows.push({
        id: randomUUID(),
        plant,
        messageId: c.messageId,
        productionOrder: c.productionOrder,
        sequence: c.sequence,
        payload: { ...c } as QueryDeepPartialEntity<Record<string, unknown>>,
        format,
        receivedAt,
        status: 'received',
        receiptId,
        correlationId: correlationId ?? null,
      });
    }
    // Serialised on SQLite: plant MES post concurrently, and its one connection holds one transaction.
    await serialisedTransaction(this.dataSource, async (manager) => {
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(InboundConfirmationEntity)
          .values(rows.slice(i, i + INSERT_CHUNK))
          .orIgnore()
          .execute();
      }
      // Announce exactly the rows this request stored (duplicates were stored and announced before),
      // in the same transaction: ids only, production-sync reads the confirmation back by them.
      const announced = await manager.getRepository(InboundConfirmationEntity).find({
        select: { id: true, messageId: true, productionOrder: true, sequence: true },
        where: { receiptId },
      });
      const correlation = correlationId ?? receiptId;
      const events = announced.map((row) =>
        createEvent({
          // The stored row's id: a re-run of this transaction could never announce a message twice.
          id: row.id,
          type: EventTypes.ProductionPerformanceReceived,
          source: '/plantsync/mes-api',
          subject: `${plant}/${row.productionOrder}`,
          data: {
            plant,
            productionOrder: row.productionOrder,
            messageId: row.messageId,
            sequence: row.sequence,
          },
          correlationId: correlation,
        }),
      );
      for (let i = 0; i < events.length; i += INSERT_CHUNK)
        await this.outbox.write(manager, ...events.slice(i, i + INSERT_CHUNK));
    });
    this.relay.nudge();
    const stored = await this.dataSource
      .getRepository(InboundConfirmationEntity)
      .find({ select: { messageId: true }, where: { receiptId } });
    const storedIds = new Set(stored.map((r) => r.messageId));
    const accepted: string[] = [];
    const duplicates: string[] = [];
    const reported = new Set<string>();
    for (const c of confirmations) {
      if (storedIds.has(c.messageId) && !reported.has(c.messageId)) accepted.push(c.messageId);
      else duplicates.push(c.messageId);
      reported.add(c.messageId);
    }
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
