import { Inject, Injectable } from '@nestjs/common';
import { decimal, formatDecimal } from '@plantsync/canonical';
import type { FastifyRequest } from 'fastify';
import { SandboxStore } from '../../core';
import type { CreateTransferOrderDto, ReceiveTransferOrderDto } from '../dto/wms-requests.dto';
import { WmsPosting } from '../http/wms-posting';
import { wmsProblems } from '../http/wms-problem';
import { wmsChecks } from '../http/wms-request-checks';
import { WmsStockBook } from '../stock/wms-stock-book';
import { transitLocationOf } from '../wms-master-data';
import { reservationTakeover } from './reservation-takeover';
import { documentNumber, wmsCollections, type TransferOrderPick, type TransferOrderRecord, type WmsQuantity } from '../wms.records';

const qty = (amount: string, unit: string): WmsQuantity => ({ amount, unit });

/**
 * Transfer orders live at the SOURCE plant's WMS; pick, ship, receive and cancel are all called
 * there, also for cross-plant moves. Ship books the stock as in_transit at the destination plant's
 * transit location; receive moves it from there into the destination location, lot by lot.
 */
@Injectable()
export class WmsTransferOrdersService {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(WmsStockBook) private readonly stock: WmsStockBook,
    @Inject(WmsPosting) private readonly posting: WmsPosting,
  ) {}

  get(plant: string, id: string): TransferOrderRecord {
    const found = this.store.get<TransferOrderRecord>(wmsCollections(plant).transferOrders, id);
    if (!found) throw wmsProblems.notFound('transfer-order-not-found', id);
    return found;
  }

  create(req: FastifyRequest, plant: string, body: CreateTransferOrderDto): TransferOrderRecord {
    return this.posting.run(req, {
      operation: 'transfer-order.create',
      businessKey: (t) => t.id,
      apply: () => {
        wmsChecks.warehouse(plant, body.warehouseCode);
        wmsChecks.itemQuantity(body.itemNumber, body.quantity);
        wmsChecks.location(plant, body.fromLocationCode);
        wmsChecks.plant(body.toPlantCode);
        wmsChecks.location(body.toPlantCode, body.toLocationCode);
        const reservation = body.reservationId ? reservationTakeover.claimable(this.store, plant, body) : undefined;
        // Without a reservation the stock is checked, not held: pick chooses it (docs/wms-contract.md).
        // With one, the reservation already holds it for this order.
        this.stock.assertPromisable(
          plant,
          body.itemNumber,
          body.quantity,
          { location: body.fromLocationCode, lot: body.lotNumber },
          { reservation: reservation?.id },
        );
        const id = documentNumber('TO', plant, this.store.nextId(`${plant}/wms/transfer-order`));
        const order: TransferOrderRecord = {
          id,
          warehouseCode: body.warehouseCode,
          itemNumber: body.itemNumber,
          ...(body.lotNumber ? { lotNumber: body.lotNumber } : {}),
          quantity: qty(body.quantity.amount, body.quantity.unit),
          receivedQuantity: qty('0', body.quantity.unit),
          fromLocationCode: body.fromLocationCode,
          toPlantCode: body.toPlantCode,
          toLocationCode: body.toLocationCode,
          transitLocationCode: transitLocationOf(body.toPlantCode),
          status: 'created',
          ...(body.reference ? { reference: body.reference } : {}),
          ...(reservation ? { reservationId: reservation.id } : {}),
          picks: [],
          createdAt: new Date().toISOString(),
        };
        this.save(plant, order);
        if (reservation) reservationTakeover.bind(this.store, plant, reservation, id);
        return order;
      },
    });
  }

  pick(req: FastifyRequest, plant: string, id: string): TransferOrderRecord {
    return this.posting.run(req, {
      operation: 'transfer-order.pick',
      businessKey: (t) => t.id,
      apply: () => {
        const order = this.inState(plant, id, ['created'], 'picked');
        const scope = { location: order.fromLocationCode, lot: order.lotNumber };
        this.stock.assertPromisable(plant, order.itemNumber, order.quantity, scope, { reservation: order.reservationId });
        // First in, first out over the lots at the source location.
        let open = decimal(order.quantity.amount);
        const picks: TransferOrderPick[] = [];
        for (const balance of this.stock.balances(plant, { item: order.itemNumber, ...scope, status: 'unrestricted' })) {
          if (open.isZero()) break;
          const take = open.lessThan(balance.quantity.amount) ? open : decimal(balance.quantity.amount);
          picks.push({
            ...(balance.lotNumber ? { lotNumber: balance.lotNumber } : {}),
            quantity: qty(formatDecimal(take), order.quantity.unit),
            receivedQuantity: qty('0', order.quantity.unit),
          });
          open = open.minus(take);
        }
        const lots = new Set(picks.map((p) => p.lotNumber).filter(Boolean));
        const picked: TransferOrderRecord = {
          ...order,
          ...(!order.lotNumber && lots.size === 1 ? { lotNumber: [...lots][0] } : {}),
          status: 'picked',
          picks,
          pickedAt: new Date().toISOString(),
        };
        this.save(plant, picked);
        return picked;
      },
    });
  }

  ship(req: FastifyRequest, plant: string, id: string): TransferOrderRecord {
    return this.posting.run(req, {
      operation: 'transfer-order.ship',
      businessKey: (t) => t.id,
      apply: () => {
        const order = this.inState(plant, id, ['picked'], 'shipped');
        for (const pick of order.picks) {
          const taken = this.stock.remove(plant, {
            locationCode: order.fromLocationCode,
            itemNumber: order.itemNumber,
            lotNumber: pick.lotNumber,
            stockStatus: 'unrestricted',
            quantity: pick.quantity,
          });
          // The picked stock went elsewhere meanwhile; the transaction rolls back every move.
          if (!taken)
            throw wmsProblems.insufficientStock(order.itemNumber, pick.quantity, qty('0', pick.quantity.unit), `in the picked lot ${pick.lotNumber ?? '(none)'} at ${order.fromLocationCode}`);
          this.stock.add(order.toPlantCode, {
            locationCode: order.transitLocationCode,
            itemNumber: order.itemNumber,
            lotNumber: pick.lotNumber,
            stockStatus: 'in_transit',
            quantity: pick.quantity,
          });
        }
        const shipped: TransferOrderRecord = { ...order, status: 'shipped', shippedAt: new Date().toISOString() };
        this.save(plant, shipped);
        reservationTakeover.consume(this.store, plant, order.reservationId, shipped.shippedAt!);
        return shipped;
      },
    });
  }

  receive(req: FastifyRequest, plant: string, id: string, body: ReceiveTransferOrderDto): TransferOrderRecord {
    return this.posting.run(req, {
      operation: 'transfer-order.receive',
      businessKey: (t) => t.id,
      apply: () => {
        const order = this.inState(plant, id, ['shipped', 'partially_received'], 'received');
        const unit = order.quantity.unit;
        if (body.quantity.unit !== unit) throw wmsProblems.unitMismatch(order.itemNumber, body.quantity.unit, unit);
        const remaining = decimal(order.quantity.amount).minus(order.receivedQuantity.amount);
        if (remaining.lessThan(body.quantity.amount))
          throw wmsProblems.overReceipt(id, body.quantity, qty(formatDecimal(remaining), unit));
        let open = decimal(body.quantity.amount);
        const picks = order.picks.map((pick) => {
          const pickOpen = decimal(pick.quantity.amount).minus(pick.receivedQuantity.amount);
          if (open.isZero() || pickOpen.isZero()) return pick;
          const take = open.lessThan(pickOpen) ? open : pickOpen;
          open = open.minus(take);
          const moved = { itemNumber: order.itemNumber, lotNumber: pick.lotNumber, quantity: qty(formatDecimal(take), unit) };
          this.stock.remove(order.toPlantCode, { ...moved, locationCode: order.transitLocationCode, stockStatus: 'in_transit' });
          this.stock.add(order.toPlantCode, { ...moved, locationCode: order.toLocationCode, stockStatus: 'unrestricted' });
          return { ...pick, receivedQuantity: qty(formatDecimal(decimal(pick.receivedQuantity.amount).plus(take)), unit) };
        });
        const received = decimal(order.receivedQuantity.amount).plus(body.quantity.amount);
        const updated: TransferOrderRecord = {
          ...order,
          picks,
          receivedQuantity: qty(formatDecimal(received), unit),
          status: received.equals(order.quantity.amount) ? 'received' : 'partially_received',
          receivedAt: new Date().toISOString(),
        };
        this.save(plant, updated);
        return updated;
      },
    });
  }

  /**
   * Cancels an order that has not shipped (created or picked): no stock moved, so nothing is
   * booked back; a reservation it took over is released with it. Cancelling a cancelled order
   * answers it unchanged without a posting; a shipped one is 409 invalid-state (the goods left).
   */
  cancel(req: FastifyRequest, plant: string, id: string): TransferOrderRecord {
    const current = this.get(plant, id);
    if (current.status === 'cancelled') return current;
    return this.posting.run(req, {
      operation: 'transfer-order.cancel',
      businessKey: (t) => t.id,
      apply: () => {
        const order = this.inState(plant, id, ['created', 'picked'], 'cancelled');
        const cancelled: TransferOrderRecord = { ...order, status: 'cancelled', cancelledAt: new Date().toISOString() };
        this.save(plant, cancelled);
        reservationTakeover.release(this.store, plant, order.reservationId, cancelled.cancelledAt!);
        return cancelled;
      },
    });
  }

  private inState(plant: string, id: string, allowed: TransferOrderRecord['status'][], action: string): TransferOrderRecord {
    const order = this.get(plant, id);
    if (!allowed.includes(order.status)) throw wmsProblems.invalidState('transfer order', id, order.status, action);
    return order;
  }

  private save(plant: string, order: TransferOrderRecord): void {
    this.store.put(wmsCollections(plant).transferOrders, order.id, order);
  }
}
