import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ProductionConfirmation } from '@plantsync/canonical';
import { MesApiClient, SystemApiError } from '@plantsync/clients';
import {
  DeadLetterService,
  isPermanentError,
  deliveryJobId,
  eventQueueName,
  EventTypes,
  jobId,
  JobProducer,
  OutboxRelay,
  OutboxWriter,
  ProcessJobs,
  type CloudEvent,
} from '@plantsync/messaging';
import { serialisedTransaction } from '@plantsync/persistence';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { PRODUCTION_SYNC_SETTINGS, SUBSCRIBER } from '../config/production-sync.tokens';
import type { ProductionSyncSettings } from '../config/production-sync.settings';
import { SyncException } from '../exceptions/sync-exception.entity';
import { ConfirmationPoster, type PostingPlan } from '../posting/confirmation-poster';
import { ConfirmationRejected } from '../posting/confirmation-rejected.error';
import { ProductionSyncObserver } from '../sync-health/production-sync-observer';
import { cursorId, OrderCursor } from './order-cursor.entity';
import { OrderDrainLock } from './order-drain-lock';
import { SyncedConfirmation } from './synced-confirmation.entity';

/** As mes-api stored it (the type is not re-exported by libs/clients' index, hence derived). */
export type StoredProductionConfirmation = Awaited<ReturnType<MesApiClient['getProductionConfirmation']>>;

const rowId = (plant: string, messageId: string) => `${plant}/${messageId}`;

/**
 * Applies the confirmations of one production order in the MES' sequence. `take` stores a
 * confirmation (once per message id); `drain` posts every confirmation whose turn has come and
 * moves the order's cursor on; one that arrived early stays 'waiting' until the gap closes, and
 * `checkGaps` turns a gap open past the timeout into an exception naming the missing numbers.
 *
 * Drains of one order are serialised across every worker process by `OrderDrainLock` (a PostgreSQL
 * advisory lock per order; in-process on SQLite), so two replicas never post the same confirmation
 * side by side nor report a stale status; postings also carry idempotency keys, so a redelivery
 * after a crash never posts twice.
 */
@Injectable()
export class OrderSequencer {
  private readonly logger = new Logger('OrderSequencer');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(DeadLetterService) private readonly deadLetters: DeadLetterService,
    @Inject(JobProducer) private readonly jobs: JobProducer,
    @Inject(MesApiClient) private readonly mes: MesApiClient,
    @Inject(ConfirmationPoster) private readonly poster: ConfirmationPoster,
    @Inject(PRODUCTION_SYNC_SETTINGS) private readonly settings: ProductionSyncSettings,
    @Inject(ProductionSyncObserver) private readonly observer: ProductionSyncObserver,
    @Inject(OrderDrainLock) private readonly orderLock: OrderDrainLock,
  ) {}

  /**
   * Stores a confirmation once. A message seen before is left alone, except a failed one: its event
   * coming again is a replay of its dead letter, so it is put back to 'waiting' to be posted again.
   */
  async take(stored: StoredProductionConfirmation, eventId: string, correlationId: string): Promise<void> {
    const id = rowId(stored.plant, stored.messageId);
    await serialisedTransaction(this.dataSource, async (manager) => {
      const repo = manager.getRepository(SyncedConfirmation);
      const existing = await repo.findOneBy({ id });
      if (existing) {
        if (existing.status === 'failed') await repo.update({ id }, { status: 'waiting', reason: null, plan: null });
        return;
      }
      await repo.insert({
        id,
        plant: stored.plant,
        messageId: stored.messageId,
        productionOrder: stored.productionOrder,
        sequence: stored.sequence,
        confirmation: JSON.stringify(stored.confirmation),
        plan: null,
        status: 'waiting',
        reason: null,
        correlationId,
        eventId,
        receivedAt: new Date(),
        postedAt: null,
      });
      // The first message of an order creates its cursor; another worker taking another message of
      // the same new order at the same moment may create it first, which is just as good.
      await manager
        .createQueryBuilder()
        .insert()
        .into(OrderCursor)
        .values({
          id: cursorId(stored.plant, stored.productionOrder),
          plant: stored.plant,
          productionOrder: stored.productionOrder,
          nextSequence: 1,
          updatedAt: new Date(),
        })
        .orIgnore()
        .execute();
    });
  }

  /** Posts what is due for one order, in sequence; reports each outcome to mes-api. */
  drain(plant: string, productionOrder: string): Promise<void> {
    return this.orderLock.run(plant, productionOrder, () => this.drainNow(plant, productionOrder));
  }

  private async drainNow(plant: string, productionOrder: string): Promise<void> {
    const id = cursorId(plant, productionOrder);
    for (;;) {
      const cursor = await this.dataSource.getRepository(OrderCursor).findOneBy({ id });
      if (!cursor) return;
      // Due: the next sequence, and anything behind the cursor (a replayed dead letter).
      const due = await this.dataSource.getRepository(SyncedConfirmation).find({
        where: { plant, productionOrder, status: 'waiting', sequence: LessThanOrEqual(cursor.nextSequence) },
        order: { sequence: 'ASC', messageId: 'ASC' },
      });
      if (due.length === 0) break;
      for (const row of due) await this.postOne(row);
    }
  }

  private async postOne(row: SyncedConfirmation): Promise<void> {
    const confirmation = JSON.parse(row.confirmation) as ProductionConfirmation;
    const ctx = { correlationId: row.correlationId };
    let events: CloudEvent[] = [];
    let rejected: ConfirmationRejected | undefined;
    try {
      let plan = row.plan ? (JSON.parse(row.plan) as PostingPlan) : undefined;
      if (!plan) {
        // First plan wins: another worker that planned the same message at the same time adopts the
        // stored plan, so both post the same movements under the same idempotency keys.
        const repo = this.dataSource.getRepository(SyncedConfirmation);
        const mine = await this.poster.plan(confirmation, row.correlationId);
        await repo.update({ id: row.id, plan: IsNull() }, { plan: JSON.stringify(mine) });
        const stored = (await repo.findOneBy({ id: row.id }))?.plan;
        plan = stored ? (JSON.parse(stored) as PostingPlan) : mine;
      }
      events = await this.poster.execute(confirmation, plan, row.correlationId);
    } catch (e) {
      if (e instanceof ConfirmationRejected) rejected = e;
      // A system that refused for good (a business rule of the ERP or WMS): a dead letter in its words.
      else if (isPermanentError(e))
        rejected = new ConfirmationRejected(
          e instanceof SystemApiError ? e.code : 'refused',
          `Message ${row.messageId} (order ${row.productionOrder}, sequence ${row.sequence}) could not be posted: ${e instanceof SystemApiError ? (e.detail ?? e.message) : String(e)}`,
        );
      else {
        this.observer.heldUp(confirmation, e);
        throw e; // transient: the job retries the drain
      }
    }
    if (rejected) {
      // The dead letter carries the event that brought the message: replaying it posts the message again.
      const event = this.eventOf(row);
      await this.deadLetters.record({
        queue: eventQueueName(SUBSCRIBER),
        jobName: event.type,
        jobId: deliveryJobId(SUBSCRIBER, `${event.id}-${rejected.code}`),
        payload: event,
        reason: rejected.code,
        attempts: 1,
        lastError: rejected.message,
      });
    }
    const postedAt = new Date();
    await serialisedTransaction(this.dataSource, async (manager) => {
      await manager.getRepository(SyncedConfirmation).update(
        { id: row.id },
        rejected ? { status: 'failed', reason: rejected.message.slice(0, 500) } : { status: 'posted', postedAt },
      );
      // A failed message does not block its order: it is a dead letter now, and later sequences go on.
      await manager
        .createQueryBuilder()
        .update(OrderCursor)
        .set({ nextSequence: row.sequence + 1, updatedAt: new Date() })
        // Object form: TypeORM quotes the camelCase column (PostgreSQL folds unquoted names).
        .where({ id: cursorId(row.plant, row.productionOrder), nextSequence: LessThanOrEqual(row.sequence) })
        .execute();
      await this.outbox.write(manager, ...events);
    });
    if (events.length > 0) this.relay.nudge();
    if (rejected) this.observer.deadLettered(confirmation, rejected.message);
    else this.observer.posted(confirmation, postedAt);
    await this.mes.setProductionConfirmationStatus(ctx, row.plant, row.messageId, rejected ? 'failed' : 'posted');
  }

  /**
   * A message that still waits after the drain (a gap before it): told to mes-api, and it gets its
   * gap deadline. Per message, not per order, so a long reversed batch costs one call per message.
   */
  async reportIfWaiting(plant: string, productionOrder: string, messageId: string): Promise<void> {
    // Under the order's lock: no drain (in any worker) can post it between this read and the
    // report, so a 'waiting' never lands after the 'posted'.
    const row = await this.orderLock.run(plant, productionOrder, async () => {
      const found = await this.dataSource.getRepository(SyncedConfirmation).findOneBy({ id: rowId(plant, messageId) });
      if (found?.status === 'waiting')
        await this.mes.setProductionConfirmationStatus({ correlationId: found.correlationId }, plant, messageId, 'waiting');
      return found;
    });
    if (row?.status !== 'waiting') return;
    await this.jobs.enqueue(
      ProcessJobs.SyncProductionConfirmations,
      { plant, cursorId: cursorId(plant, row.productionOrder), correlationId: row.correlationId },
      { jobId: jobId(row.id, 'gap-deadline'), delayMs: this.settings.gapTimeoutSeconds * 1000 },
    );
  }

  /**
   * After draining: if a message has waited longer than the gap timeout, the numbers between the
   * cursor and the highest waiting sequence that never arrived become an exception (once per gap).
   */
  async checkGaps(plant: string, productionOrder: string, now = new Date()): Promise<SyncException | undefined> {
    await this.drain(plant, productionOrder);
    const id = cursorId(plant, productionOrder);
    const cursor = await this.dataSource.getRepository(OrderCursor).findOneBy({ id });
    if (!cursor) return undefined;
    const waiting = await this.dataSource.getRepository(SyncedConfirmation).find({
      where: { plant, productionOrder, status: 'waiting' },
      order: { sequence: 'ASC' },
    });
    const deadline = now.getTime() - this.settings.gapTimeoutSeconds * 1000 + 50;
    if (!waiting.some((w) => new Date(w.receivedAt).getTime() <= deadline)) return undefined;
    const present = new Set(
      (await this.dataSource.getRepository(SyncedConfirmation).find({ select: { sequence: true }, where: { plant, productionOrder } })).map((r) => r.sequence),
    );
    const highest = Math.max(...waiting.map((w) => w.sequence));
    const missing: number[] = [];
    for (let s = cursor.nextSequence; s < highest; s++) if (!present.has(s)) missing.push(s);
    if (missing.length === 0) return undefined;
    const exceptionId = `${id}/gap-${missing[0]}`;
    const repo = this.dataSource.getRepository(SyncException);
    const existing = await repo.findOneBy({ id: exceptionId });
    if (existing) return existing;
    const list = (n: number[]) => n.join(',').slice(0, 500);
    const exception: SyncException = {
      id: exceptionId,
      plant,
      productionOrder,
      kind: 'sequence-gap',
      missingSequences: list(missing),
      waitingSequences: list(waiting.map((w) => w.sequence)),
      detail: `Production order ${productionOrder} at plant ${plant}: the MES never sent confirmation${missing.length > 1 ? 's' : ''} ${missing.join(', ')} within ${this.settings.gapTimeoutSeconds} s; ${waiting.length} later confirmation(s) wait behind the gap and are not posted. Ask the MES to resend the missing numbers.`.slice(0, 500),
      openedAt: now,
    };
    await repo.createQueryBuilder().insert().values(exception).orIgnore().execute();
    this.logger.warn(exception.detail);
    return exception;
  }

  private eventOf(row: SyncedConfirmation): CloudEvent {
    return {
      specversion: '1.0',
      id: row.eventId,
      source: '/plantsync/mes-api',
      type: EventTypes.ProductionPerformanceReceived,
      subject: `${row.plant}/${row.productionOrder}`,
      time: new Date(row.receivedAt).toISOString(),
      datacontenttype: 'application/json',
      data: { plant: row.plant, productionOrder: row.productionOrder, messageId: row.messageId, sequence: row.sequence },
      correlationid: row.correlationId,
    };
  }
}

