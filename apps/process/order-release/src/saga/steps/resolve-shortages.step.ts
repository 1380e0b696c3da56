import { addQuantity, compareQuantity, maxZero, subtractQuantity, zero, type PurchaseOrder, type Quantity } from '@plantsync/canonical';
import { EventTypes, ProcessJobName } from '@plantsync/messaging';
import type { SagaStep, SagaTools } from '@plantsync/saga';
import { plannedStartDay, type OrderReleaseContext, type Shortage } from '../order-release.context';
import { readContext, type OrderReleaseDeps } from '../order-release.deps';
import { inUnit } from './unit-conversion';

/** Purchase order statuses that still promise goods (a draft is not a commitment yet). */
const OPEN_PO_STATUSES = new Set(['sent', 'confirmed', 'partially_received']);

/**
 * 6. For each component short of stock, open purchase orders of the plant due before the planned
 * start may cover the gap (a rejected line does not; a changed line counts with the supplier's
 * proposed date and quantity). What nothing covers makes the release wait for a planner
 * (AWAITING_APPROVAL with the shortage list, MaterialShortageDetected per component) until the
 * approval timeout; then it expires and compensates. No shortage: skipped.
 */
export function resolveShortagesStep(deps: OrderReleaseDeps): SagaStep<OrderReleaseContext> {
  return {
    name: ProcessJobName.ResolveShortages,
    async run(ctx, tools) {
      const candidates = ctx.availability!.filter((a) => compareQuantity(a.quantity, a.available) > 0);
      if (candidates.length === 0) return { skipped: true, patch: { shortages: [] }, output: { shortages: [] } };
      const purchaseOrders = await openPurchaseOrders(deps, ctx, tools);
      const dueBefore = plannedStartDay(ctx);
      const shortages: Shortage[] = [];
      for (const c of candidates) {
        let covered = zero(c.quantity.unit);
        const numbers: string[] = [];
        for (const po of purchaseOrders)
          for (const line of po.lines.filter((l) => l.item === c.item)) {
            const open = openQuantityDueBefore(line, dueBefore);
            if (!open) continue;
            covered = addQuantity(covered, await inUnit(deps.erp, readContext(tools), ctx.plant, c.item, open, c.quantity.unit));
            if (!numbers.includes(po.number)) numbers.push(po.number);
          }
        const shortfall = maxZero(subtractQuantity(subtractQuantity(c.quantity, c.available), covered));
        shortages.push({ item: c.item, required: c.quantity, available: c.available, coveredByPurchaseOrders: covered, purchaseOrders: numbers, shortfall });
      }
      const uncovered = shortages.filter((s) => compareQuantity(s.shortfall, zero(s.shortfall.unit)) > 0);
      if (uncovered.length === 0) return { patch: { shortages }, output: { shortages, coveredByPurchaseOrders: true } };
      const until = new Date(Date.now() + deps.approvalTimeoutSeconds * 1000);
      return {
        patch: { shortages },
        output: { shortages },
        events: uncovered.map((s) =>
          tools.event(EventTypes.MaterialShortageDetected, {
            plant: ctx.plant,
            productionOrder: ctx.productionOrder,
            item: s.item,
            required: s.required,
            available: s.available,
          }),
        ),
        wait: {
          reason: `short of ${uncovered.map((s) => `${s.shortfall.value} ${s.shortfall.unit} ${s.item}`).join(', ')} with no purchase order due before ${dueBefore}`,
          until,
        },
      };
    },
  };
}

async function openPurchaseOrders(deps: OrderReleaseDeps, ctx: OrderReleaseContext, tools: SagaTools): Promise<PurchaseOrder[]> {
  const all: PurchaseOrder[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.erp.listPurchaseOrders(readContext(tools), ctx.plant, { limit: 200, ...(cursor ? { cursor } : {}) });
    all.push(...page.items.filter((po) => OPEN_PO_STATUSES.has(po.status)));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/** The line's open quantity if it is due before `day`, with the supplier's changes applied; else undefined. */
function openQuantityDueBefore(line: PurchaseOrder['lines'][number], day: string): Quantity | undefined {
  const ack = line.acknowledgement;
  if (ack?.status === 'rejected') return undefined;
  const date = ack?.status === 'changed' && ack.proposedDate ? ack.proposedDate : line.promisedDate;
  if (!(date.slice(0, 10) < day)) return undefined;
  let open: Quantity = { value: line.openQuantity.value, unit: line.openQuantity.unit };
  if (ack?.status === 'changed' && ack.proposedQuantity && ack.proposedQuantity.unit === line.quantity.unit) {
    // The supplier will deliver proposedQuantity in total: what is still open of that.
    open = maxZero(subtractQuantity(ack.proposedQuantity, line.receivedQuantity));
  }
  return compareQuantity(open, zero(open.unit)) > 0 ? open : undefined;
}
