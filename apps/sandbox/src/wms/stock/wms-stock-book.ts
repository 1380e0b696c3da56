import { Inject, Injectable } from '@nestjs/common';
import { decimal, formatDecimal, type DecimalValue } from '@plantsync/canonical';
import { SandboxStore } from '../../core';
import { wmsProblems } from '../http/wms-problem';
import { openReservationsOf } from '../reservations/reservation-store';
import {
  afterOf,
  itemStockRange,
  stockKey,
  stockKeyOfAfter,
  wmsCollections,
  type ReservationRecord,
  type StockRecord,
  type WmsQuantity,
  type WmsStockStatus,
} from '../wms.records';

export interface StockFilter {
  item?: string;
  location?: string;
  lot?: string;
  status?: WmsStockStatus;
}

export interface Scope {
  location?: string;
  lot?: string;
}

/** A reservation whose hold a posting is about to use (a transfer order taking it over or picking it). */
export interface OwnHold {
  reservation?: string;
}

/**
 * The simulated WMS's stock ledger: balances per location × item × lot × status and the
 * available-to-promise rule. Synchronous, so callers run it inside one store transaction with
 * their ledger entry (SandboxIdempotency.once does that).
 */
@Injectable()
export class WmsStockBook {
  constructor(@Inject(SandboxStore) private readonly store: SandboxStore) {}

  balances(plant: string, filter: StockFilter): StockRecord[] {
    const collection = wmsCollections(plant).stock;
    // Stock ids start with the item (stockKey), so one item's balances are one range of the key.
    if (filter.item === undefined) return this.store.list<StockRecord>(collection, (b) => matches(b, filter));
    return [...this.store.scan<StockRecord>(collection, itemStockRange(filter.item))].filter((b) => matches(b, filter));
  }

  /**
   * One keyset page of `GET /v1/stock`: the balances after `after` in the balance order, at most
   * `limit`. Stock ids are in that order, so this is a range read of the store's primary key
   * (narrowed to the item when filtered by item); the other filters are applied to the rows read.
   */
  page(plant: string, filter: StockFilter, after: string | undefined, limit: number): { balances: StockRecord[]; nextAfter?: string } {
    const item = filter.item !== undefined ? itemStockRange(filter.item) : undefined;
    const afterKey = after !== undefined ? stockKeyOfAfter(after) : undefined;
    const fromAfter = afterKey !== undefined && (item === undefined || afterKey >= item.after);
    const range = {
      ...(fromAfter ? { after: afterKey } : item ? { after: item.after, inclusive: true } : {}),
      ...(item ? { before: item.before } : {}),
    };
    const balances: StockRecord[] = [];
    for (const b of this.store.scan<StockRecord>(wmsCollections(plant).stock, range, Math.min(limit + 1, 1000))) {
      if (!matches(b, filter)) continue;
      if (balances.length === limit) return { balances, nextAfter: afterOf(balances[limit - 1]) };
      balances.push(b);
    }
    return { balances };
  }

  add(plant: string, b: Omit<StockRecord, 'id'>): void {
    const id = stockKey(b.locationCode, b.itemNumber, b.lotNumber, b.stockStatus);
    const collection = wmsCollections(plant).stock;
    const current = this.store.get<StockRecord>(collection, id);
    const amount = decimal(current?.quantity.amount ?? '0').plus(b.quantity.amount);
    this.store.put<StockRecord>(collection, id, { ...b, id, quantity: { amount: formatDecimal(amount), unit: b.quantity.unit } });
  }

  /** Takes stock out of one balance; false (nothing changed) when it holds less than asked. */
  remove(plant: string, b: Omit<StockRecord, 'id'>): boolean {
    const id = stockKey(b.locationCode, b.itemNumber, b.lotNumber, b.stockStatus);
    const collection = wmsCollections(plant).stock;
    const current = this.store.get<StockRecord>(collection, id);
    const left = decimal(current?.quantity.amount ?? '0').minus(b.quantity.amount);
    if (!current || left.isNegative()) return false;
    if (left.isZero()) this.store.delete(collection, id);
    else this.store.put<StockRecord>(collection, id, { ...current, quantity: { amount: formatDecimal(left), unit: current.quantity.unit } });
    return true;
  }

  /**
   * Open reservations that overlap a scope: a reservation without a location counts against
   * every location, one without a lot against every lot (the contract's list semantics).
   */
  openReservations(plant: string, item: string | undefined, scope: Scope): ReservationRecord[] {
    return [...openReservationsOf(this.store, plant, item)].filter(
      (r) =>
        (scope.location === undefined || r.locationCode === undefined || r.locationCode === scope.location) &&
        (scope.lot === undefined || r.lotNumber === undefined || r.lotNumber === scope.lot),
    );
  }

  /** ATP = unrestricted − overlapping open reservations, never below zero. QI, blocked and in-transit never count. */
  availableToPromise(plant: string, item: string, scope: Scope, own: OwnHold = {}): DecimalValue {
    const unrestricted = sum(this.balances(plant, { item, ...scope, status: 'unrestricted' }).map((b) => b.quantity.amount));
    // The demand's own reservation holds stock FOR it, so it never counts against it.
    const reserved = sum(
      this.openReservations(plant, item, scope)
        .filter((r) => r.id !== own.reservation)
        .map((r) => r.quantity.amount),
    );
    const atp = unrestricted.minus(reserved);
    return atp.isNegative() ? decimal('0') : atp;
  }

  /**
   * Refuses (409 insufficient-stock) a demand that ATP does not cover, both in its own scope and
   * across the warehouse, so location-level and warehouse-level promises can never overlap.
   * `own` names the reservation that already holds stock for this demand.
   */
  assertPromisable(plant: string, item: string, quantity: WmsQuantity, scope: Scope, own: OwnHold = {}): void {
    const scoped = this.availableToPromise(plant, item, scope, own);
    const overall = scope.location || scope.lot ? this.availableToPromise(plant, item, {}, own) : scoped;
    const available = minDecimal(scoped, overall);
    if (available.lessThan(quantity.amount)) {
      const where = [scope.location && `at ${scope.location}`, scope.lot && `in lot ${scope.lot}`].filter(Boolean).join(' ');
      throw wmsProblems.insufficientStock(
        item,
        quantity,
        { amount: formatDecimal(available), unit: quantity.unit },
        `${where ? `${where} ` : ''}at plant ${plant}`,
      );
    }
  }
}

function matches(b: StockRecord, filter: StockFilter): boolean {
  return (
    (filter.item === undefined || b.itemNumber === filter.item) &&
    (filter.location === undefined || b.locationCode === filter.location) &&
    (filter.lot === undefined || b.lotNumber === filter.lot) &&
    (filter.status === undefined || b.stockStatus === filter.status) &&
    !decimal(b.quantity.amount).isZero()
  );
}

function sum(amounts: string[]): DecimalValue {
  return amounts.reduce((acc, a) => acc.plus(a), decimal('0'));
}

function minDecimal(a: DecimalValue, b: DecimalValue): DecimalValue {
  return a.lessThan(b) ? a : b;
}
