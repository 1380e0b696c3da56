import { decimal } from '@plantsync/canonical';
import type { SandboxStore } from '../../core';
import type { CreateTransferOrderDto } from '../dto/wms-requests.dto';
import { WmsProblem, wmsProblems } from '../http/wms-problem';
import { wmsCollections, type ReservationRecord } from '../wms.records';
import { putReservation } from '../reservations/reservation-store';

/**
 * A transfer order created with `reservationId` takes that reservation over in the same
 * transaction: the reservation keeps holding the stock, now for the order, so nothing can take it
 * between "reserve" and "ship" (docs/wms-contract.md, "Reservation hand-over"). This file holds the
 * rules of that hand-over; the transfer-order service applies them.
 */
export const reservationTakeover = {
  /**
   * The open reservation the order may take over. It must be exactly the order's demand: same
   * warehouse, item, quantity and lot, and a location that is the order's source (or none).
   */
  claimable(store: SandboxStore, plant: string, body: CreateTransferOrderDto): ReservationRecord {
    const id = body.reservationId!;
    const reservation = store.get<ReservationRecord>(wmsCollections(plant).reservations, id);
    if (!reservation) throw unknownReservation(id, plant);
    if (reservation.status !== 'open') throw wmsProblems.invalidState('reservation', id, reservation.status, 'taken over by a transfer order');
    if (reservation.transferOrderId) throw heldByOrder(reservation, 'taken over again');
    const mismatches = [
      reservation.warehouseCode !== body.warehouseCode && `warehouse ${reservation.warehouseCode}`,
      reservation.itemNumber !== body.itemNumber && `item ${reservation.itemNumber}`,
      (reservation.quantity.unit !== body.quantity.unit || !decimal(reservation.quantity.amount).equals(body.quantity.amount)) &&
        `quantity ${reservation.quantity.amount} ${reservation.quantity.unit}`,
      (reservation.lotNumber ?? null) !== (body.lotNumber ?? null) && `lot ${reservation.lotNumber ?? '(none)'}`,
      reservation.locationCode !== undefined && reservation.locationCode !== body.fromLocationCode && `location ${reservation.locationCode}`,
    ].filter((m): m is string => typeof m === 'string');
    if (mismatches.length > 0) throw reservationMismatch(id, mismatches);
    return reservation;
  },

  /** Binds the reservation to the order (still `open`: it holds the stock until the order ships). */
  bind(store: SandboxStore, plant: string, reservation: ReservationRecord, transferOrderId: string): void {
    putReservation(store, plant, { ...reservation, transferOrderId });
  },

  /** Ship: the stock left, the reservation is used up. */
  consume(store: SandboxStore, plant: string, id: string | undefined, at: string): void {
    settle(store, plant, id, { status: 'consumed', consumedAt: at });
  },

  /** Cancel of the order: the hold ends with it, so a cancelled order leaves no reservation behind. */
  release(store: SandboxStore, plant: string, id: string | undefined, at: string): void {
    settle(store, plant, id, { status: 'cancelled', cancelledAt: at });
  },
};

function settle(store: SandboxStore, plant: string, id: string | undefined, change: Partial<ReservationRecord>): void {
  if (!id) return;
  const reservation = store.get<ReservationRecord>(wmsCollections(plant).reservations, id);
  if (!reservation || reservation.status !== 'open') return;
  putReservation(store, plant, { ...reservation, ...change });
}

/** 409 invalid-state: the reservation belongs to a transfer order now. */
export function heldByOrder(reservation: ReservationRecord, action: string): WmsProblem {
  return new WmsProblem(
    409,
    'invalid-state',
    'Invalid state',
    `reservation ${reservation.id} is held by transfer order ${reservation.transferOrderId} and cannot be ${action}; cancel the transfer order instead`,
    { status: reservation.status, transferOrderId: reservation.transferOrderId },
  );
}

function unknownReservation(id: string, plant: string): WmsProblem {
  return new WmsProblem(422, 'unknown-reservation', 'Unknown reservation', `reservation ${id} does not exist at plant ${plant}`, {
    reservationId: id,
  });
}

function reservationMismatch(id: string, mismatches: string[]): WmsProblem {
  return new WmsProblem(
    422,
    'reservation-mismatch',
    'Reservation does not match the transfer order',
    `reservation ${id} holds ${mismatches.join(', ')}; a transfer order can only take over a reservation of exactly its item, quantity, lot and source location`,
    { reservationId: id, mismatches },
  );
}
