import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decimal, formatDecimal, type PurchaseOrder } from '@plantsync/canonical';
import { type CallContext, WmsApiClient } from '@plantsync/clients';
import type { Principal } from '@plantsync/platform';
import { idempotencyKeyFor } from '../common/client-mutation-id';
import { GRAPHQL_API_CONFIG, type GraphqlApiConfig } from '../config/graphql-api.config';
import { ErrorCode } from '../errors/error-codes';
import { apiError, badUserInput, notFound } from '../errors/graphql-errors';
import { PurchaseOrdersService } from '../purchase-orders/purchase-orders.service';
import { AdvanceShipNoticeStore, type AdvisedLine, type StoredAdvanceShipNotice } from './advance-ship-notice.store';
import { AdvanceShipNoticeStatus, type AdvanceShipNoticeModel } from './models/advance-ship-notice.model';
import { overShipments, toleranceFor, type ShippedLine } from './over-shipment';
import { PurchaseOrderLineLocks } from './purchase-order-line-locks';
import type { SubmitAdvanceShipNoticeInput } from './submit-advance-ship-notice.input';

const OPEN_FOR_SHIPPING = new Set(['sent', 'confirmed', 'partially_received']);
const lineKey = (po: string, line: number) => `${po}/${line}`;
const reusedKey = () => apiError(ErrorCode.CONFLICT, 'This clientMutationId was already used with different input.', { reason: 'idempotency-key-reused' });

/**
 * Advance ship notices (X12 856): a supplier announces a shipment to one plant, checked line by
 * line against what its purchase orders still expect. An accepted notice becomes an expected
 * receipt at the plant's WMS (wms-api, idempotent per caller and clientMutationId); the graphql-api
 * keeps the notice itself (AdvanceShipNoticeStore: the supplier's view, what is in transit per PO
 * line) and its status follows the goods receipts the plant's ERP posts.
 */
@Injectable()
export class AdvanceShipNoticesService {
  constructor(
    private readonly orders: PurchaseOrdersService,
    private readonly store: AdvanceShipNoticeStore,
    private readonly wms: WmsApiClient,
    private readonly lineLocks: PurchaseOrderLineLocks,
    @Inject(GRAPHQL_API_CONFIG) private readonly config: GraphqlApiConfig,
  ) {}

  async submit(ctx: CallContext, viewer: Principal, input: SubmitAdvanceShipNoticeInput): Promise<AdvanceShipNoticeModel> {
    const supplier = this.orders.supplierScope(viewer, input.supplier) as string;
    const { clientMutationId, ...content } = input;
    const fingerprint = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    const earlier = await this.store.byClientMutationId(viewer.id, clientMutationId);
    if (earlier) {
      if (earlier.fingerprint !== fingerprint) throw reusedKey();
      return this.get(ctx, viewer, earlier.id);
    }

    // Sum each PO line over its packages: the tolerance applies to what the shipment carries in all.
    const shipped = new Map<string, ShippedLine>();
    const unitErrors: Array<{ field: string; message: string }> = [];
    input.packages.forEach((pkg, p) =>
      pkg.lines.forEach((l, i) => {
        const field = `packages[${p}].lines[${i}]`;
        const key = lineKey(l.purchaseOrder, l.lineNumber);
        const seen = shipped.get(key);
        if (!seen) {
          shipped.set(key, { fields: [field], purchaseOrder: l.purchaseOrder, lineNumber: l.lineNumber, shipped: { value: l.quantity.value, unit: l.quantity.unit } });
        } else if (seen.shipped.unit !== l.quantity.unit) {
          unitErrors.push({ field: `${field}.quantity`, message: `ships line ${l.lineNumber} of ${l.purchaseOrder} in ${l.quantity.unit} and ${seen.shipped.unit}` });
        } else {
          seen.fields.push(field);
          seen.shipped.value = formatDecimal(decimal(seen.shipped.value).plus(decimal(l.quantity.value)));
        }
      }),
    );
    if (unitErrors.length) throw badUserInput('The notice mixes units on a purchase order line.', unitErrors);

    // From the tolerance check to the save, no other notice may touch these lines (see PurchaseOrderLineLocks).
    return this.lineLocks.withLines(input.plant, shipped.keys(), async () => {
      // A retry with the same clientMutationId that waited for the lock finds the notice saved.
      const saved = await this.store.byClientMutationId(viewer.id, clientMutationId);
      if (saved) {
        if (saved.fingerprint !== fingerprint) throw reusedKey();
        return this.get(ctx, viewer, saved.id);
      }
      return this.checkAndSave(ctx, viewer, input, supplier, shipped, fingerprint);
    });
  }

  private async checkAndSave(
    ctx: CallContext,
    viewer: Principal,
    input: SubmitAdvanceShipNoticeInput,
    supplier: string,
    shipped: Map<string, ShippedLine>,
    fingerprint: string,
  ): Promise<AdvanceShipNoticeModel> {
    const { clientMutationId } = input;

    // Another supplier's order is NOT_FOUND, exactly like a missing one (PurchaseOrdersService.get).
    const pos = new Map<string, PurchaseOrder>();
    for (const number of new Set([...shipped.values()].map((l) => l.purchaseOrder))) {
      const po = await this.orders.get(ctx, viewer, input.plant, number);
      if (po.supplier !== supplier) throw notFound(`Purchase order ${number} was not found at ${input.plant}.`);
      if (!OPEN_FOR_SHIPPING.has(po.status))
        throw apiError(ErrorCode.CONFLICT, `Purchase order ${number} is ${po.status}: nothing can ship against it.`, { reason: 'purchase-order-not-open' });
      pos.set(number, po);
    }

    const advisedBefore: Record<string, AdvisedLine | undefined> = {};
    for (const key of shipped.keys()) advisedBefore[key] = await this.store.advised(input.plant, key);
    const lineOf = (po: string, n: number) => pos.get(po)?.lines.find((l) => l.lineNumber === n);
    const rejections = overShipments(
      [...shipped.values()],
      (po, n) => {
        const line = lineOf(po, n);
        if (!line) return undefined;
        return { open: line.openQuantity, inTransit: this.inTransit(advisedBefore[lineKey(po, n)], line.receivedQuantity.value) };
      },
      toleranceFor(supplier, this.config.ASN_OVERSHIPMENT_TOLERANCE_PERCENT, this.config.ASN_OVERSHIPMENT_TOLERANCE_BY_SUPPLIER),
    );
    if (rejections.length) throw badUserInput(`${rejections.length} line(s) ship more than the purchase orders still expect.`, rejections);

    // At the WMS first: a retry with the same clientMutationId gets the same expected receipt back.
    const expectedReceipt = await this.wms.createExpectedReceipt({ ...ctx, idempotencyKey: idempotencyKeyFor(viewer, clientMutationId) }, input.plant, {
      reference: `ASN-${supplier}-${input.shipmentNumber}`.slice(0, 64),
      supplier,
      expectedArrival: input.expectedArrival,
      lines: input.packages.flatMap((pkg) =>
        pkg.lines.map((l) => ({
          item: lineOf(l.purchaseOrder, l.lineNumber)?.item ?? '',
          quantity: { value: l.quantity.value, unit: l.quantity.unit },
          lot: l.lot,
          purchaseOrder: l.purchaseOrder,
          lineNumber: l.lineNumber,
        })),
      ),
    } as Parameters<WmsApiClient['createExpectedReceipt']>[2]);
    const notice: StoredAdvanceShipNotice = {
      id: randomUUID(),
      expectedReceipt: expectedReceipt.id,
      supplier,
      plant: input.plant,
      shipmentNumber: input.shipmentNumber,
      expectedArrival: input.expectedArrival,
      carrier: input.carrier,
      trackingNumber: input.trackingNumber,
      submittedAt: new Date().toISOString(),
      packages: input.packages.map((pkg) => ({
        packageId: pkg.packageId,
        lines: pkg.lines.map((l) => ({
          purchaseOrder: l.purchaseOrder,
          lineNumber: l.lineNumber,
          item: lineOf(l.purchaseOrder, l.lineNumber)?.item ?? '',
          lot: l.lot,
          quantity: { value: l.quantity.value, unit: l.quantity.unit },
        })),
      })),
      lineTotals: Object.fromEntries(
        [...shipped.entries()].map(([key, l]) => [key, { receivedAtSubmission: lineOf(l.purchaseOrder, l.lineNumber)?.receivedQuantity.value ?? '0', shipped: l.shipped.value }]),
      ),
    };
    const advisedAfter = Object.fromEntries(
      [...shipped.entries()].map(([key, l]) => {
        const before = advisedBefore[key];
        const received = notice.lineTotals[key].receivedAtSubmission;
        // Once everything announced has arrived, the next notice starts a new baseline.
        const outstanding = this.inTransit(before, received);
        const base = decimal(outstanding).isZero() ? { advised: '0', baselineReceived: received } : (before as AdvisedLine);
        return [key, { ...base, advised: formatDecimal(decimal(base.advised).plus(decimal(l.shipped.value))) }];
      }),
    );
    const owner = await this.store.save(notice, viewer.id, clientMutationId, fingerprint, advisedAfter);
    // A concurrent retry with the same clientMutationId won: its notice (same expected receipt) is the answer.
    if (owner !== notice.id) return this.get(ctx, viewer, owner);
    return { ...this.public(notice), status: AdvanceShipNoticeStatus.EXPECTED };
  }

  /** One notice; another supplier's is NOT_FOUND, exactly like a missing one. Planners see every one. */
  async get(ctx: CallContext, viewer: Principal, id: string): Promise<AdvanceShipNoticeModel> {
    const notice = await this.store.get(id);
    if (!notice || !this.canSee(viewer, notice)) throw notFound(`Advance ship notice ${id} was not found.`);
    return this.withStatus(ctx, viewer, notice);
  }

  async list(ctx: CallContext, viewer: Principal, plant: string | undefined, first: number): Promise<AdvanceShipNoticeModel[]> {
    const planner = viewer.isAdmin() || viewer.hasRole('planner');
    if (planner && !plant) throw badUserInput('Name the plant whose expected shipments you want.', [{ field: 'plant', message: 'required for planners' }]);
    const ids = planner ? await this.store.listIds({ plant }, first) : await this.store.listIds({ supplier: this.orders.supplierScope(viewer, undefined) }, first);
    const notices = (await Promise.all(ids.map((id) => this.store.get(id)))).filter(
      (n): n is StoredAdvanceShipNotice => n !== undefined && this.canSee(viewer, n) && (!plant || n.plant === plant),
    );
    return Promise.all(notices.map((n) => this.withStatus(ctx, viewer, n)));
  }

  private canSee(viewer: Principal, notice: StoredAdvanceShipNotice): boolean {
    return viewer.isAdmin() || viewer.hasRole('planner') || viewer.supplierIds().includes(notice.supplier);
  }

  private inTransit(advised: AdvisedLine | undefined, receivedNow: string): string {
    if (!advised) return '0';
    const arrived = decimal(receivedNow).minus(decimal(advised.baselineReceived));
    const left = decimal(advised.advised).minus(arrived);
    return left.isNegative() ? '0' : formatDecimal(left);
  }

  /** RECEIVED once the PO lines received (since submission) what the notice ships. */
  private async withStatus(ctx: CallContext, viewer: Principal, notice: StoredAdvanceShipNotice): Promise<AdvanceShipNoticeModel> {
    let complete = true;
    let any = false;
    const pos = new Map<string, PurchaseOrder>();
    for (const [key, totals] of Object.entries(notice.lineTotals)) {
      const [number, n] = key.split('/');
      if (!pos.has(number)) pos.set(number, await this.orders.get(ctx, viewer, notice.plant, number));
      const line = pos.get(number)?.lines.find((l) => l.lineNumber === Number(n));
      const since = decimal(line?.receivedQuantity.value ?? '0').minus(decimal(totals.receivedAtSubmission));
      if (since.gt(0)) any = true;
      if (since.lt(decimal(totals.shipped))) complete = false;
    }
    const status = complete ? AdvanceShipNoticeStatus.RECEIVED : any ? AdvanceShipNoticeStatus.PARTIALLY_RECEIVED : AdvanceShipNoticeStatus.EXPECTED;
    return { ...this.public(notice), status };
  }

  private public(notice: StoredAdvanceShipNotice): Omit<AdvanceShipNoticeModel, 'status'> {
    const { lineTotals: _totals, ...rest } = notice;
    return rest;
  }
}
