import type { ProductionConfirmation, ProductionOrder, Quantity } from '@plantsync/canonical';
import { addQuantity, compareQuantity, decimal, DecimalMath, formatDecimal } from '@plantsync/canonical';
import { ErpApiClient, SystemApiError, WmsApiClient } from '@plantsync/clients';
import { createEvent, EventTypes, type CloudEvent } from '@plantsync/messaging';
import type { ProductionSyncSettings } from '../config/production-sync.settings';
import { ConfirmationRejected } from './confirmation-rejected.error';
import { deterministicUuid } from './deterministic-id';

const SOURCE = '/plantsync/production-sync';

/** One backflush goods issue: a component from one location and lot. */
export interface PlannedIssue {
  item: string;
  quantity: Quantity;
  location: string;
  lot?: string;
}

/** What posting a confirmation will do, decided before the first movement (stored with the message). */
export interface PostingPlan {
  productionOrder: string;
  item: string;
  /** Where the output goes (the item's default location at the plant). */
  location: string;
  lot?: string;
  /** Scrap above the item's threshold: output into quality inspection and a QualityHoldCreated. */
  hold: boolean;
  thresholdPercent?: string;
  scrapPercent: string;
  issues: PlannedIssue[];
}

/**
 * Posts one confirmation to ERP and WMS. Every posting carries an idempotency key derived from
 * plant + message id + posting kind, so running this twice (a redelivery, a retry after a timeout)
 * posts each movement once. Returns the events to publish once the postings are done.
 */
export class ConfirmationPoster {
  constructor(
    private readonly erp: ErpApiClient,
    private readonly wms: WmsApiClient,
    private readonly settings: ProductionSyncSettings,
  ) {}

  /**
   * Everything a posting needs, decided once and stored before anything is posted (so a retry
   * after a partial posting repeats the same movements, whatever the stock looks like by then).
   * Throws ConfirmationRejected for what can never be posted.
   */
  async plan(c: ProductionConfirmation, correlationId: string): Promise<PostingPlan> {
    const { plant } = c;
    const ctx = () => ({ correlationId });
    const reported = `${c.yield.value} ${c.yield.unit} good and ${c.scrap.value} ${c.scrap.unit} scrap`;

    const closedBefore = this.settings.closedBefore[plant];
    if (closedBefore && c.reportedAt.slice(0, 10) < closedBefore)
      throw new ConfirmationRejected(
        'posting-period-closed',
        `The MES reported ${reported} on ${c.reportedAt.slice(0, 10)} for order ${c.productionOrder}, but the posting period of plant ${plant} is closed before ${closedBefore}. Ask finance to reopen the period or report it again with today's date.`,
      );

    const order = await this.loadOrder(c, reported);
    if (c.yield.unit !== order.quantity.unit || c.scrap.unit !== order.quantity.unit)
      throw new ConfirmationRejected(
        'unit-mismatch',
        `The MES reported ${reported} for order ${order.number}, but the order is planned in ${order.quantity.unit}. Correct the unit on the MES terminal and report again.`,
      );

    const total = addQuantity(c.yield, c.scrap);
    // The item master and the BOM explosion are independent reads: both at once. Their failures
    // are reported in the order a sequential read would meet them (the item's first).
    const [itemRead, explosionRead] = await Promise.allSettled([
      this.erp.getItem(ctx(), plant, order.item),
      decimal(total.value).isZero()
        ? Promise.resolve(undefined)
        : this.erp.explodeBom(ctx(), plant, order.item, { quantity: total.value, unit: total.unit }),
    ]);
    const item = settledValue(itemRead);
    const atPlant = item.plants.find((p) => p.plant === plant);
    const location = atPlant?.defaultLocation;
    if (!location)
      throw new ConfirmationRejected(
        'no-storage-location',
        `Item ${order.item} has no default storage location at plant ${plant}, so the output of order ${order.number} has nowhere to go. Ask master data to set one.`,
      );

    const scrapPercent = decimal(total.value).isZero() ? decimal(0) : decimal(c.scrap.value).mul(100).div(decimal(total.value));
    const threshold = atPlant?.scrapThresholdPercent;
    const hold = threshold !== undefined && scrapPercent.gt(decimal(threshold));
    // A lot-controlled item reported without a lot gets the order's own lot: one production lot per order.
    const lot = c.lot ?? (item.lotControlled ? order.number : undefined);

    // Backflush: what the confirmed quantity (good + scrap) consumed, per leaf component of the order's BOM.
    const issues: PlannedIssue[] = [];
    const explosion = settledValue(explosionRead);
    if (explosion) {
      const perComponent = new Map<string, Quantity>();
      for (const line of explosion.lines.filter((l) => l.leaf)) {
        const before = perComponent.get(line.item);
        perComponent.set(line.item, before ? addQuantity(before, line.requiredQuantity) : line.requiredQuantity);
      }
      // Each component's stock is its own read: all at once, planned (and refused) in component order.
      const components = [...perComponent].sort(([a], [b]) => a.localeCompare(b));
      const allocations = await Promise.allSettled(
        components.map(([component, quantity]) => this.allocate(plant, order.number, component, quantity)),
      );
      for (const allocation of allocations) issues.push(...settledValue(allocation));
    }
    return {
      productionOrder: order.number,
      item: order.item,
      location,
      ...(lot ? { lot } : {}),
      hold,
      ...(threshold !== undefined ? { thresholdPercent: threshold } : {}),
      scrapPercent: formatDecimal(scrapPercent.toDecimalPlaces(2)),
      issues,
    };
  }

  /**
   * Posts a plan. Every posting carries an idempotency key derived from plant + message id +
   * posting kind (+ the issue's index in the stored plan), so running it twice posts each once.
   */
  async execute(c: ProductionConfirmation, plan: PostingPlan, correlationId: string): Promise<CloudEvent[]> {
    const { plant } = c;
    const key = (kind: string) => `production-sync/${plant}/${c.messageId}/${kind}`;
    const ctx = (kind: string) => ({ correlationId, idempotencyKey: key(kind) });
    const { lot, location, hold, item } = plan;
    const hasYield = compareQuantity(c.yield, { value: '0', unit: c.yield.unit }) > 0;
    // The operation confirmation (yield, scrap, reason) first: the ERP's record of what the line reported.
    await this.erp.confirmOperation(ctx('erp-confirmation'), plant, plan.productionOrder, {
      ...(c.operation ? { operation: c.operation } : {}),
      ...(c.workCenter ? { workCenter: c.workCenter } : {}),
      yield: c.yield,
      scrap: c.scrap,
      ...(c.scrapReason ? { scrapReason: c.scrapReason } : {}),
      final: c.final,
      confirmedAt: c.reportedAt,
    });
    // Then the movements, as pairs: the ERP posting, then the same movement in the WMS, so the WMS
    // never holds a movement its book of record refused. The pairs are independent of each other
    // and run at once; each pair's key is fixed by the stored plan, so a redelivery after a partial
    // failure repeats exactly these movements and each system applies each once.
    const pairs: Array<() => Promise<unknown>> = [];
    // Finished-goods receipt (into quality inspection in the WMS on a hold).
    if (hasYield)
      pairs.push(async () => {
        await this.erp.postGoodsMovement(ctx('erp-receipt'), plant, {
          type: 'goods_receipt',
          item,
          quantity: c.yield,
          ...(lot ? { lot } : {}),
          toLocation: location,
          reference: plan.productionOrder,
        });
        await this.wms.createReceipt(ctx('wms-receipt'), plant, {
          item,
          quantity: c.yield,
          ...(lot ? { lot } : {}),
          location,
          stockStatus: hold ? 'quality_inspection' : 'unrestricted',
          reference: plan.productionOrder,
        });
      });
    // Backflush: per planned component lot, the ERP goods issue and the consumption in the WMS
    // (keys carry the issue's index in the stored plan).
    for (const [i, issue] of plan.issues.entries())
      pairs.push(async () => {
        await this.erp.postGoodsMovement(ctx(`erp-issue-${i}-${issue.item}`), plant, {
          type: 'goods_issue',
          item: issue.item,
          quantity: issue.quantity,
          ...(issue.lot ? { lot: issue.lot } : {}),
          fromLocation: issue.location,
          reference: plan.productionOrder,
        });
        await this.wms.createGoodsIssue(ctx(`wms-issue-${i}-${issue.item}`), plant, {
          item: issue.item,
          quantity: issue.quantity,
          ...(issue.lot ? { lot: issue.lot } : {}),
          location: issue.location,
          reason: 'production_consumption',
          reference: plan.productionOrder,
        });
      });
    // Every pair settles before a failure is raised: no posting is left in flight when the
    // delivery is retried (it would meet its own key "in flight").
    for (const outcome of await Promise.allSettled(pairs.map((pair) => pair()))) settledValue(outcome);
    const threshold = plan.thresholdPercent;
    const scrapPercent = plan.scrapPercent;
    const order = { number: plan.productionOrder, item };
    const events: CloudEvent[] = [];
    const base = { plant, productionOrder: order.number };
    if (hold)
      events.push(
        createEvent({
          id: deterministicUuid(key('quality-hold')),
          type: EventTypes.QualityHoldCreated,
          source: SOURCE,
          subject: `${plant}/${order.number}`,
          data: {
            ...base,
            messageId: c.messageId,
            item: order.item,
            ...(lot ? { lot } : {}),
            quantity: c.yield,
            scrap: c.scrap,
            scrapPercent,
            thresholdPercent: threshold,
            ...(c.scrapReason ? { reason: c.scrapReason } : {}),
          },
          correlationId,
        }),
      );
    if (c.final)
      events.push(
        createEvent({
          id: deterministicUuid(key('completed')),
          type: EventTypes.WorkOrderCompleted,
          source: SOURCE,
          subject: `${plant}/${order.number}`,
          data: { ...base, item: order.item, messageId: c.messageId },
          correlationId,
        }),
      );
    return events;
  }

  /**
   * Which stock a component's backflush comes from: unrestricted balances at the line location
   * first, then the plant's other locations, lot by lot (in lot order). Not enough stock anywhere
   * is refused in words: posting it would drive the ERP negative.
   */
  private async allocate(plant: string, orderNumber: string, component: string, required: Quantity): Promise<PlannedIssue[]> {
    const line = this.settings.lineLocation.replace('{plant}', plant);
    const page = await this.wms.listStock({}, plant, { item: component, status: 'unrestricted', limit: 200 });
    const balances = page.items
      .filter((b) => decimal(b.quantity.value).gt(0))
      .sort((a, b) => Number(b.location === line) - Number(a.location === line) || a.location.localeCompare(b.location) || (a.lot ?? '').localeCompare(b.lot ?? ''));
    const issues: PlannedIssue[] = [];
    let open = decimal(required.value);
    for (const b of balances) {
      if (open.lte(0)) break;
      const take = DecimalMath.min(open, decimal(b.quantity.value));
      issues.push({ item: component, quantity: { value: formatDecimal(take), unit: required.unit }, location: b.location, ...(b.lot ? { lot: b.lot } : {}) });
      open = open.minus(take);
    }
    if (open.gt(0)) {
      const has = formatDecimal(decimal(required.value).minus(open));
      throw new ConfirmationRejected(
        'not-enough-component-stock',
        `Order ${orderNumber} consumed ${required.value} ${required.unit} of ${component} by backflush, but plant ${plant} has only ${has} ${required.unit} unrestricted. Post the missing goods receipt or stock correction, then replay this message.`,
      );
    }
    return issues;
  }

  private async loadOrder(c: ProductionConfirmation, reported: string): Promise<ProductionOrder> {
    try {
      return await this.erp.getProductionOrder({}, c.plant, c.productionOrder);
    } catch (e) {
      if (e instanceof SystemApiError && (e.status === 404 || e.classification === 'not_found'))
        throw new ConfirmationRejected(
          'unknown-production-order',
          `Production order ${c.productionOrder} does not exist in the ERP of plant ${c.plant}; the MES reported ${reported} against it (message ${c.messageId}). Check the order number on the MES terminal.`,
        );
      throw e;
    }
  }
}

/** The value of a settled promise, or its failure thrown (callers read them in the order that decides which failure is reported). */
function settledValue<T>(outcome: PromiseSettledResult<T>): T {
  if (outcome.status === 'rejected') throw outcome.reason;
  return outcome.value;
}
