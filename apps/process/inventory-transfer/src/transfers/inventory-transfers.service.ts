import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { decimal, formatDecimal, Quantity } from '@plantsync/canonical';
import { WmsApiClient } from '@plantsync/clients';
import { createEvent, EventTypes, OutboxRelay, OutboxWriter, ProcessJobName } from '@plantsync/messaging';
import { currentCorrelationId, ProblemException, type Principal } from '@plantsync/platform';
import { serialisedTransaction } from '@plantsync/persistence';
import { SagaNotFoundError, SagaRunner, SagaStateError, type SagaStatus, type SagaView } from '@plantsync/saga';
import { DataSource } from 'typeorm';
import { TransferReceipt } from '../receipts/transfer-receipt.entity';
import { transferLine, type TransferContext } from './inventory-transfer.context';
import { toTransferView, TRANSFER_STATUSES, transferStatus, type InventoryTransferView, type TransferStatus } from './inventory-transfer.view';
import type { CreateInventoryTransferDto, ListInventoryTransfersQuery } from './dto/create-inventory-transfer.dto';

/** A transfer id derived from who asked and their Idempotency-Key: the same request twice is one saga, even past the idempotency store. */
export function transferIdFor(principal: string, idempotencyKey: string): string {
  const h = createHash('sha256').update(`inventory-transfer\n${principal}\n${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SHIPPED_OR_LATER = [ProcessJobName.ShipTransfer, ProcessJobName.ReceiveTransfer, ProcessJobName.PostGoodsIssue, ProcessJobName.PostGoodsReceipt] as string[];

@Injectable()
export class InventoryTransfersService {
  private readonly logger = new Logger('InventoryTransfers');

  constructor(
    @Inject(SagaRunner) private readonly sagas: SagaRunner<TransferContext>,
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(WmsApiClient) private readonly wms: WmsApiClient,
  ) {}

  /**
   * Starts the saga (with InventoryTransferRequested in the same transaction); a repeat of the same
   * key answers the same transfer. The id derives from the key's owner; `actor` (the person a
   * service acts for, X-Acting-For) is only recorded as requestedBy.
   */
  async request(dto: CreateInventoryTransferDto, principal: Principal, idempotencyKey: string, actor: string = principal.id): Promise<InventoryTransferView> {
    if (dto.fromPlant === dto.toPlant)
      throw new ProblemException({
        status: 400,
        code: 'validation-failed',
        title: 'The request is invalid',
        detail: `a transfer needs two plants; ${dto.fromPlant} is both source and destination`,
        extensions: { errors: [{ field: 'toPlant', message: 'toPlant must differ from fromPlant' }] },
      });
    if (!decimal(dto.quantity.value).greaterThan(0))
      throw new ProblemException({
        status: 400,
        code: 'validation-failed',
        title: 'The request is invalid',
        detail: 'quantity.value must be greater than zero',
        extensions: { errors: [{ field: 'quantity.value', message: 'quantity.value must be greater than zero' }] },
      });
    const id = transferIdFor(principal.id, idempotencyKey);
    const existing = await this.find(id);
    if (existing) return existing;
    const context: TransferContext = {
      transfer: id,
      item: dto.item,
      quantity: { value: dto.quantity.value, unit: dto.quantity.unit },
      ...(dto.lot ? { lot: dto.lot } : {}),
      fromPlant: dto.fromPlant,
      ...(dto.fromLocation ? { fromLocation: dto.fromLocation } : {}),
      toPlant: dto.toPlant,
      ...(dto.toLocation ? { toLocation: dto.toLocation } : {}),
      reason: dto.reason,
      requestedBy: actor,
    };
    try {
      await this.sagas.start({
        id,
        businessKey: `${dto.fromPlant}-${dto.toPlant}/${id}`,
        context,
        correlationId: currentCorrelationId(),
        events: ({ tools }) => [
          tools.event(EventTypes.InventoryTransferRequested, {
            transfer: id,
            fromPlant: dto.fromPlant,
            toPlant: dto.toPlant,
            lines: [transferLine(context)],
            requestedBy: actor.slice(0, 64),
          }),
        ],
      });
    } catch (e) {
      // Two requests with one key raced past the idempotency store: the first insert won.
      const winner = await this.find(id);
      if (winner) return winner;
      throw e;
    }
    return this.get(id);
  }

  async get(id: string): Promise<InventoryTransferView> {
    const found = await this.find(id);
    if (!found) throw notFound(id);
    return found;
  }

  async list(query: ListInventoryTransfersQuery): Promise<InventoryTransferView[]> {
    if (query.status && !(TRANSFER_STATUSES as readonly string[]).includes(query.status))
      throw new ProblemException({
        status: 400,
        code: 'validation-failed',
        title: 'The request is invalid',
        detail: `status must be one of ${TRANSFER_STATUSES.join(', ')}`,
        extensions: { errors: [{ field: 'status', message: `status must be one of ${TRANSFER_STATUSES.join(', ')}` }] },
      });
    const sagaStatus = sagaStatusOf(query.status as TransferStatus | undefined);
    // Newest 500: a plant matches as source or destination, which a business-key prefix cannot say.
    const sagas = await this.sagas.list({ ...(sagaStatus ? { status: sagaStatus } : {}), limit: 500 });
    const byPlant = sagas.filter((s) => !query.plant || s.context.fromPlant === query.plant || s.context.toPlant === query.plant);
    const receipts = await this.receiptsOf(byPlant.map((s) => s.id));
    return byPlant
      .map((s) => toTransferView(s, receipts.filter((r) => r.transferId === s.id)))
      .filter((v) => !query.status || v.status === query.status);
  }

  /**
   * The destination confirms what arrived. The WMS applies it (partial allowed, over-receipt 409,
   * lot kept); the receipt row and InventoryTransferReceived are committed together; the last
   * receipt continues the saga to the ERP postings.
   */
  async receive(id: string, quantity: Quantity, principal: Principal, idempotencyKey: string | undefined): Promise<InventoryTransferView> {
    const saga = await this.load(id);
    const ctx = saga.context;
    const shipped = saga.steps.some((s) => s.name === ProcessJobName.ShipTransfer && s.status === 'done');
    if (!shipped || !ctx.transferOrder || !['running', 'awaiting_approval', 'exception'].includes(saga.status))
      throw new ProblemException({
        status: 409,
        code: 'transfer-not-in-transit',
        title: 'The transfer cannot take receipts now',
        detail: `transfer ${id} is ${transferStatus(saga, '0')}: receipts are accepted once it shipped and until it is received`,
        extensions: { transfer: id, status: saga.status },
      });
    const unit = ctx.shippedQuantity?.unit ?? ctx.stockQuantity?.unit;
    if (quantity.unit !== unit || !decimal(quantity.value).greaterThan(0))
      throw new ProblemException({
        status: 400,
        code: 'validation-failed',
        title: 'The request is invalid',
        detail: `receive a positive quantity in ${unit}, the unit the transfer shipped in`,
        extensions: { errors: [{ field: 'quantity', message: `a positive quantity in ${unit}` }] },
      });
    // Deterministic per (transfer, caller's key): a retried receipt is applied once by the WMS.
    const key = `${id}-receipt-${createHash('sha256').update(`${principal.id}\n${idempotencyKey ?? randomUUID()}`).digest('hex').slice(0, 32)}`;
    const order = await this.wms.receiveTransferOrder({ idempotencyKey: key }, ctx.fromPlant, ctx.transferOrder, {
      quantity: Quantity.of(quantity.value, quantity.unit),
    });
    await this.recordReceipt(saga, key, quantity, formatDecimal(decimal(order.receivedQuantity.value)), principal.id);
    if (order.status === 'received') await this.continueAfterLastReceipt(id, principal.id);
    return this.get(id);
  }

  /** Cancel before shipping (the saga compensates); 409 once the goods are on their way. */
  async cancel(id: string, actor: string): Promise<InventoryTransferView> {
    const saga = await this.load(id);
    const shipping = saga.steps.find((s) => SHIPPED_OR_LATER.includes(s.name) && s.status !== 'pending');
    if (shipping)
      throw new ProblemException({
        status: 409,
        code: 'transfer-already-shipped',
        title: 'The transfer can no longer be cancelled',
        detail: `transfer ${id} is past ${shipping.name}: goods that left ${saga.context.fromPlant} are never reversed silently`,
        extensions: { transfer: id, status: transferStatus(saga, '0') },
      });
    await this.sagas.cancel(id, `cancelled by ${actor}`);
    return this.get(id);
  }

  /** A planner retries the failed step of a transfer in exception (after fixing the cause). */
  async retry(id: string, principal: Principal): Promise<InventoryTransferView> {
    await this.load(id);
    await this.sagas.retry(id, principal.id);
    return this.get(id);
  }

  /** A planner settled the exception by hand: the transfer ends resolved, nothing undone. */
  async resolve(id: string, note: string, principal: Principal): Promise<InventoryTransferView> {
    await this.load(id);
    await this.sagas.resolve(id, principal.id, note);
    return this.get(id);
  }

  private async recordReceipt(saga: SagaView<TransferContext>, key: string, quantity: Quantity, receivedTotal: string, by: string): Promise<void> {
    const repo = this.dataSource.getRepository(TransferReceipt);
    if (await repo.existsBy({ id: key })) return; // a replayed receipt: already recorded
    const ctx = saga.context;
    const event = createEvent({
      type: EventTypes.InventoryTransferReceived,
      source: '/plantsync/inventory-transfer',
      subject: saga.businessKey,
      correlationId: saga.correlationId,
      causationId: saga.id,
      data: {
        transfer: saga.id,
        fromPlant: ctx.fromPlant,
        toPlant: ctx.toPlant,
        lines: [transferLine(ctx, quantity)],
        receipt: key.slice(-64),
      },
    });
    try {
      await serialisedTransaction(this.dataSource, async (m) => {
        await m.insert(TransferReceipt, {
          id: key,
          transferId: saga.id,
          quantity: quantity.value,
          unit: quantity.unit,
          receivedTotal,
          receivedBy: by.slice(0, 128),
          receivedAt: new Date(),
        });
        await this.outbox.write(m, event);
      });
      this.relay.nudge();
    } catch (e) {
      if (!(await repo.existsBy({ id: key }))) throw e;
    }
  }

  /**
   * The saga may not be waiting yet (the last receipt raced ship-transfer's commit): its
   * receive-transfer step then sees the order received and goes on by itself. Otherwise continue it.
   */
  private async continueAfterLastReceipt(id: string, by: string): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const saga = await this.load(id);
      if (saga.status === 'awaiting_approval' && saga.currentStep === ProcessJobName.ReceiveTransfer) {
        try {
          await this.sagas.approve(id, `receipt by ${by}`);
          return;
        } catch (e) {
          if (!(e instanceof SagaStateError)) throw e;
        }
      } else if (saga.status !== 'running' || saga.currentStep !== ProcessJobName.ReceiveTransfer) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    this.logger.warn(`transfer ${id} fully received but its saga did not reach the wait; receive-transfer will see it when it runs`);
  }

  private async find(id: string): Promise<InventoryTransferView | null> {
    try {
      const saga = await this.sagas.get(id);
      return toTransferView(saga, await this.receiptsOf([id]));
    } catch (e) {
      if (e instanceof SagaNotFoundError) return null;
      throw e;
    }
  }

  private async load(id: string): Promise<SagaView<TransferContext>> {
    try {
      return await this.sagas.get(id);
    } catch (e) {
      if (e instanceof SagaNotFoundError) throw notFound(id);
      throw e;
    }
  }

  private receiptsOf(ids: string[]): Promise<TransferReceipt[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource
      .getRepository(TransferReceipt)
      .createQueryBuilder('r')
      .where('r.transferId IN (:...ids)', { ids })
      .orderBy('r.receivedAt', 'ASC')
      .getMany();
  }
}

function notFound(id: string): ProblemException {
  return new ProblemException({
    status: 404,
    code: 'inventory-transfer-not-found',
    title: 'No such inventory transfer',
    detail: `no inventory transfer ${id}`,
    extensions: { transfer: id },
  });
}

/** The saga status a transfer status narrows to (in memory filtering finishes the job). */
function sagaStatusOf(status: TransferStatus | undefined): SagaStatus | undefined {
  switch (status) {
    case undefined:
    case 'requested':
    case 'in_transit':
    case 'partially_received':
    case 'received':
      return undefined;
    default:
      return status;
  }
}

