import { createHash } from 'node:crypto';
import { decimal, formatDecimal, type GoodsMovementInput } from '@plantsync/canonical';
import type { StockDifference } from './balance-merge';

export type CorrectionPlan =
  | { kind: 'correct'; movement: GoodsMovementInput; delta: string; reason: string }
  | { kind: 'exception'; reason: string };

/**
 * What to do about one difference given the domain's system of record. Only the ERP side is
 * corrected (WMS as system of record): the ERP API posts goods movements; the WMS API offers no
 * stock adjustment, so an ERP system of record (or none) leaves a data steward to decide.
 */
export function planCorrection(d: StockDifference, systemOfRecord: string | undefined, runId: string): CorrectionPlan {
  if (systemOfRecord !== 'wms')
    return {
      kind: 'exception',
      reason: systemOfRecord
        ? `The ${systemOfRecord.toUpperCase()} is the system of record for inventory; the WMS offers no adjustment posting, so a data steward must correct the WMS.`
        : 'The landscape names no system of record for inventory: a data steward must decide which side is right.',
    };
  if (d.kind === 'status_mismatch' || (d.wmsStatus ?? d.erpStatus) !== 'unrestricted')
    return {
      kind: 'exception',
      reason: `ERP goods movements carry no stock status: a data steward must set the ERP stock of ${d.item} at ${d.location} to ${d.wmsStatus ?? 'nothing'} as the WMS holds it.`,
    };
  const delta = decimal(d.wmsQuantity ?? '0').minus(d.erpQuantity ?? '0');
  if (delta.isZero()) return { kind: 'exception', reason: 'Same quantity in different units: a data steward must check the unit of measure.' };
  const amount = formatDecimal(delta.abs());
  const reason = `Reconciliation run ${runId}: ${d.kind.replace('_', ' ')} — WMS (system of record) holds ${d.wmsQuantity ?? '0'} ${d.unit}, ERP held ${d.erpQuantity ?? '0'} ${d.unit}`;
  const movement: GoodsMovementInput = delta.isPositive()
    ? { type: 'goods_receipt', item: d.item, quantity: { value: amount, unit: d.unit }, toLocation: d.location, reference: `RECON-${runId.slice(0, 8)}` }
    : { type: 'goods_issue', item: d.item, quantity: { value: amount, unit: d.unit }, fromLocation: d.location, reference: `RECON-${runId.slice(0, 8)}` };
  if (d.lot) movement.lot = d.lot;
  return { kind: 'correct', movement, delta: formatDecimal(delta), reason };
}

/** The same run and difference always post with the same key: a retried run never corrects twice. */
export function correctionKey(runId: string, d: StockDifference): string {
  const hash = createHash('sha256').update([d.plant, d.item, d.location, d.lot ?? '', d.stockStatus, d.kind].join('|')).digest('hex').slice(0, 24);
  return `reconciliation-${runId}-${hash}`;
}
