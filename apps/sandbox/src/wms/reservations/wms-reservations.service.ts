import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SandboxStore } from '../../core';
import type { CreateReservationBatchDto, CreateReservationDto, ReservationBatchLineDto, ReservationQueryDto } from '../dto/wms-requests.dto';
import { WmsPosting } from '../http/wms-posting';
import { wmsProblems } from '../http/wms-problem';
import { wmsChecks } from '../http/wms-request-checks';
import { WmsStockBook } from '../stock/wms-stock-book';
import { heldByOrder } from '../transfer-orders/reservation-takeover';
import { documentNumber, wmsCollections, type ReservationRecord } from '../wms.records';
import { putReservation } from './reservation-store';

@Injectable()
export class WmsReservationsService {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(WmsStockBook) private readonly stock: WmsStockBook,
    @Inject(WmsPosting) private readonly posting: WmsPosting,
  ) {}

  list(plant: string, query: ReservationQueryDto): ReservationRecord[] {
    wmsChecks.warehouse(plant, query.warehouse);
    if (query.status === 'open') return this.stock.openReservations(plant, query.item, query);
    return this.store.list<ReservationRecord>(
      wmsCollections(plant).reservations,
      (r) =>
        (query.status === undefined || r.status === query.status) &&
        (query.item === undefined || r.itemNumber === query.item) &&
        (query.location === undefined || r.locationCode === undefined || r.locationCode === query.location) &&
        (query.lot === undefined || r.lotNumber === undefined || r.lotNumber === query.lot),
    );
  }

  get(plant: string, id: string): ReservationRecord {
    const found = this.store.get<ReservationRecord>(wmsCollections(plant).reservations, id);
    if (!found) throw wmsProblems.notFound('reservation-not-found', id);
    return found;
  }

  create(req: FastifyRequest, plant: string, body: CreateReservationDto): ReservationRecord {
    return this.posting.run(req, {
      operation: 'reservation.create',
      businessKey: (r) => r.reference,
      apply: () => {
        wmsChecks.warehouse(plant, body.warehouseCode);
        return this.reserve(plant, body.warehouseCode, body.reference, body);
      },
    });
  }

  /**
   * Every line or none: the lines are reserved one after the other in one store transaction, each
   * checked against what the lines before it already hold, and the first refusal (409
   * insufficient-stock, 422 unknown-item …) rolls the whole batch back.
   */
  createBatch(req: FastifyRequest, plant: string, body: CreateReservationBatchDto): ReservationRecord[] {
    return this.posting.runLines(req, {
      operation: 'reservation.create',
      businessKey: (r) => r.reference,
      lineBody: (r) => ({
        warehouseCode: r.warehouseCode,
        itemNumber: r.itemNumber,
        quantity: r.quantity,
        ...(r.locationCode ? { locationCode: r.locationCode } : {}),
        ...(r.lotNumber ? { lotNumber: r.lotNumber } : {}),
        reference: r.reference,
      }),
      apply: () => {
        wmsChecks.warehouse(plant, body.warehouseCode);
        return body.lines.map((line) => this.reserve(plant, body.warehouseCode, body.reference, line));
      },
    });
  }

  /** Checks one demand against the master data and available-to-promise and stores it as an open reservation. */
  private reserve(plant: string, warehouseCode: string, reference: string, line: ReservationBatchLineDto): ReservationRecord {
    wmsChecks.itemQuantity(line.itemNumber, line.quantity);
    if (line.locationCode) wmsChecks.location(plant, line.locationCode);
    this.stock.assertPromisable(plant, line.itemNumber, line.quantity, { location: line.locationCode, lot: line.lotNumber });
    const id = documentNumber('RSV', plant, this.store.nextId(`${plant}/wms/reservation`));
    const reservation: ReservationRecord = {
      id,
      warehouseCode,
      itemNumber: line.itemNumber,
      quantity: { amount: line.quantity.amount, unit: line.quantity.unit },
      ...(line.locationCode ? { locationCode: line.locationCode } : {}),
      ...(line.lotNumber ? { lotNumber: line.lotNumber } : {}),
      reference,
      status: 'open',
      createdAt: new Date().toISOString(),
    };
    putReservation(this.store, plant, reservation);
    return reservation;
  }

  cancel(req: FastifyRequest, plant: string, id: string): ReservationRecord {
    // Cancelling a cancelled reservation changes nothing: answer it without a posting.
    const current = this.get(plant, id);
    if (current.status === 'cancelled') return current;
    return this.posting.run(req, {
      operation: 'reservation.cancel',
      businessKey: (r) => r.reference,
      apply: () => {
        const reservation = this.get(plant, id);
        if (reservation.status !== 'open') throw wmsProblems.invalidState('reservation', id, reservation.status, 'cancelled');
        // A transfer order holds it now; only cancelling that order releases it.
        if (reservation.transferOrderId) throw heldByOrder(reservation, 'cancelled on its own');
        const cancelled: ReservationRecord = { ...reservation, status: 'cancelled', cancelledAt: new Date().toISOString() };
        putReservation(this.store, plant, cancelled);
        return cancelled;
      },
    });
  }
}
