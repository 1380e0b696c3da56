import { compareBalanceKeys, decimal, formatDecimal, type InventoryBalance, type StockStatus } from '@plantsync/canonical';

export const DIFFERENCE_KINDS = ['missing_posting', 'duplicate_posting', 'quantity_mismatch', 'status_mismatch', 'orphaned_reservation'] as const;
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/** One difference between ERP and WMS stock for one item × location × lot (× status). */
export interface StockDifference {
  kind: DifferenceKind;
  plant: string;
  item: string;
  location: string;
  lot: string | null;
  /** The status the record of the balance (WMS, or ERP when WMS has none) holds. */
  stockStatus: StockStatus;
  erpStatus: StockStatus | null;
  wmsStatus: StockStatus | null;
  /** Decimal strings; null when that side has no balance. */
  erpQuantity: string | null;
  wmsQuantity: string | null;
  unit: string;
  /** missing_posting: the side without the balance. */
  missingIn: 'erp' | 'wms' | null;
  /** What a person reads first. */
  explanation: string;
  /** Null while merging: the ERP postings that explain it are read once the run has stored it (difference-trace.ts). */
  trace: null;
}

export interface MergeCounts {
  erpBalances: number;
  wmsBalances: number;
  matched: number;
}

/** Thrown when a side's pages are not in the shared balance order: a merge over it would be wrong. */
export class BalanceOrderError extends Error {
  readonly classification = 'permanent' as const;
  constructor(side: string, previous: InventoryBalance, next: InventoryBalance) {
    super(`${side} stock is not in item/location/lot/status order: ${keyText(previous)} came before ${keyText(next)}`);
  }
}

const keyText = (b: InventoryBalance) => [b.item, b.location, b.lot ?? '-', b.stockStatus].join('/');
const sameLot = (a: InventoryBalance, b: InventoryBalance) => a.item === b.item && a.location === b.location && (a.lot ?? '') === (b.lot ?? '');

/** Pulls one side, checking the order as it goes (memory: one balance of look-ahead). */
class Cursor {
  current: InventoryBalance | undefined;
  count = 0;
  private previous: InventoryBalance | undefined;

  constructor(
    private readonly side: 'erp' | 'wms',
    private readonly it: AsyncIterator<InventoryBalance>,
  ) {}

  async advance(): Promise<void> {
    const next = await this.it.next();
    this.current = next.done ? undefined : next.value;
    if (!this.current) return;
    this.count++;
    if (this.previous && compareBalanceKeys(this.previous, this.current) >= 0) throw new BalanceOrderError(this.side, this.previous, this.current);
    this.previous = this.current;
  }
}

/**
 * Sort-merge of both sides in the shared balance order (item, location, lot, status), one lot
 * group at a time: memory holds one item × location × lot (its few statuses), time is linear in
 * the balances. A group's statuses are adjacent in that order, which is what lets a flipped status
 * be told apart from a missing and an extra posting.
 */
export async function* compareStock(
  erp: AsyncIterable<InventoryBalance>,
  wms: AsyncIterable<InventoryBalance>,
  counts: MergeCounts,
): AsyncGenerator<StockDifference> {
  const e = new Cursor('erp', erp[Symbol.asyncIterator]());
  const w = new Cursor('wms', wms[Symbol.asyncIterator]());
  await Promise.all([e.advance(), w.advance()]);
  while (e.current || w.current) {
    // The group's key: the smaller of both heads, ignoring status.
    const head = !w.current || (e.current && compareBalanceKeys(e.current, w.current) <= 0) ? e.current! : w.current;
    const erpGroup: InventoryBalance[] = [];
    const wmsGroup: InventoryBalance[] = [];
    while (e.current && sameLot(e.current, head)) {
      erpGroup.push(e.current);
      await e.advance();
    }
    while (w.current && sameLot(w.current, head)) {
      wmsGroup.push(w.current);
      await w.advance();
    }
    yield* classifyGroup(erpGroup, wmsGroup, counts);
  }
  counts.erpBalances = e.count;
  counts.wmsBalances = w.count;
}

/** Classifies the balances of one item × location × lot on both sides. */
export function classifyGroup(erpGroup: InventoryBalance[], wmsGroup: InventoryBalance[], counts: MergeCounts): StockDifference[] {
  const out: StockDifference[] = [];
  const erpOnly: InventoryBalance[] = [];
  const wmsOnly = [...wmsGroup];
  for (const erp of erpGroup) {
    const i = wmsOnly.findIndex((w) => w.stockStatus === erp.stockStatus);
    if (i < 0) {
      erpOnly.push(erp);
      continue;
    }
    const [wms] = wmsOnly.splice(i, 1);
    const a = decimal(erp.quantity.value);
    const b = decimal(wms.quantity.value);
    if (a.equals(b) && erp.quantity.unit === wms.quantity.unit) {
      counts.matched++;
      continue;
    }
    const doubled = a.equals(b.times(2)) || b.equals(a.times(2));
    out.push(
      difference(doubled ? 'duplicate_posting' : 'quantity_mismatch', erp, wms, doubled
        ? `${a.greaterThan(b) ? 'ERP' : 'WMS'} holds twice what the other side holds: a posting was applied twice`
        : `ERP holds ${erp.quantity.value} ${erp.quantity.unit}, WMS ${wms.quantity.value} ${wms.quantity.unit}`),
    );
  }
  // Same quantity under different statuses on both sides: one status change reached one side only.
  for (const erp of [...erpOnly]) {
    const i = wmsOnly.findIndex((w) => decimal(w.quantity.value).equals(erp.quantity.value) && w.quantity.unit === erp.quantity.unit);
    if (i < 0) continue;
    const [wms] = wmsOnly.splice(i, 1);
    erpOnly.splice(erpOnly.indexOf(erp), 1);
    out.push(difference('status_mismatch', erp, wms, `ERP books it as ${erp.stockStatus}, WMS as ${wms.stockStatus}`));
  }
  for (const erp of erpOnly) out.push(difference('missing_posting', erp, undefined, 'ERP holds a balance the WMS does not: the WMS never received its posting'));
  for (const wms of wmsOnly) out.push(difference('missing_posting', undefined, wms, 'WMS holds a balance the ERP does not: the ERP never received its posting'));
  return out;
}

function difference(kind: DifferenceKind, erp: InventoryBalance | undefined, wms: InventoryBalance | undefined, explanation: string): StockDifference {
  const any = (wms ?? erp)!;
  return {
    kind,
    plant: any.plant,
    item: any.item,
    location: any.location,
    lot: any.lot ?? null,
    stockStatus: any.stockStatus,
    erpStatus: erp?.stockStatus ?? null,
    wmsStatus: wms?.stockStatus ?? null,
    erpQuantity: erp ? formatDecimal(decimal(erp.quantity.value)) : null,
    wmsQuantity: wms ? formatDecimal(decimal(wms.quantity.value)) : null,
    unit: any.quantity.unit,
    missingIn: kind === 'missing_posting' ? (erp ? 'wms' : 'erp') : null,
    explanation,
    trace: null,
  };
}
