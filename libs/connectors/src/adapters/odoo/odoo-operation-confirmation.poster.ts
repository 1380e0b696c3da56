import { decimal, OperationConfirmation, type ConfirmOperationInput, type ProductionOrder } from '@plantsync/canonical';
import { InvalidForBackendError, RecordConflictError } from '../../errors/connector.errors';
import type { CallContext } from '../../ports/call-context';
import { isOdooUserError, type OdooJson2Client } from './odoo-json2.client';
import { decimalToFloat, floatToDecimal, isoToOdooDateTime, odooDateTimeToIso } from './odoo-values';

/** What the Plantsync addon's mrp.production.plantsync_record_production answers. */
interface RecordedProduction {
  confirmation_id: number;
  workorder_id: number | false;
  workorder_qty_produced: number | false;
  workorder_qty_scrapped: number | false;
  production_qty_produced: number;
  date: string | false;
}

/**
 * Records an operation confirmation in Odoo: `mrp.production.plantsync_record_production` (the
 * Plantsync addon's remote form of mrp.workorder record production) adds yield and scrap to the
 * operation's work order (created on first use) and the yield to the order's qty_produced. The
 * addon keeps each confirmation under the caller's key, so a retry records nothing twice even on
 * a real Odoo, which ignores Idempotency-Key — hence the key is required.
 */
export class OdooOperationConfirmationPoster {
  constructor(
    private readonly odoo: OdooJson2Client,
    private readonly orderOf: (ctx: CallContext, id: string) => Promise<ProductionOrder>,
    private readonly plant: string,
  ) {}

  async confirm(ctx: CallContext, productionOrderId: string, input: ConfirmOperationInput): Promise<OperationConfirmation> {
    const key = ctx.idempotencyKey;
    if (!key) throw this.invalid('an operation confirmation needs an Idempotency-Key (the ERP keeps each confirmation under it)', 'idempotency-key-required', {});
    const order = await this.orderOf(ctx, productionOrderId);
    const unit = order.quantity.unit;
    for (const [field, q] of [['yield', input.yield], ['scrap', input.scrap]] as const) {
      if (q.unit !== unit)
        throw this.invalid(`${field} is in ${q.unit}, but production order ${order.number} is planned in ${unit}`, 'unit-mismatch', { field, unit: q.unit, orderUnit: unit });
      if (decimal(q.value).isNegative()) throw this.invalid(`${field} must not be negative`, 'negative-quantity', { field });
    }
    let recorded: RecordedProduction;
    try {
      recorded = await this.odoo.call<RecordedProduction>(
        ctx,
        'mrp.production',
        'plantsync_record_production',
        {
          ids: [Number(order.id)],
          ...(input.operation ? { operation: input.operation } : {}),
          ...(input.workCenter ? { workcenter: input.workCenter } : {}),
          qty_produced: decimalToFloat(input.yield.value),
          qty_scrapped: decimalToFloat(input.scrap.value),
          ...(input.scrapReason ? { scrap_reason: input.scrapReason } : {}),
          final: input.final,
          date: isoToOdooDateTime(input.confirmedAt),
          plantsync_key: key,
        },
        { idempotencyKey: key },
      );
    } catch (e) {
      if (isOdooUserError(e))
        throw new RecordConflictError(
          `the ERP refused the confirmation of ${order.number}${input.operation ? ` operation ${input.operation}` : ''}: ${String(e.details?.backendMessage ?? '')}`,
          'confirmation-refused',
          this.context(),
          { productionOrder: order.number, status: order.status },
        );
      throw e;
    }
    const q = (value: number | false) => ({ value: floatToDecimal(value), unit });
    return Object.assign(new OperationConfirmation(), {
      id: String(recorded.confirmation_id),
      plant: this.plant,
      productionOrder: order.number,
      ...(input.operation ? { operation: input.operation } : {}),
      yield: input.yield,
      scrap: input.scrap,
      ...(input.scrapReason ? { scrapReason: input.scrapReason } : {}),
      final: input.final,
      confirmedAt: odooDateTimeToIso(recorded.date) ?? input.confirmedAt,
      ...(recorded.workorder_id !== false ? { operationYield: q(recorded.workorder_qty_produced), operationScrap: q(recorded.workorder_qty_scrapped) } : {}),
      orderProduced: q(recorded.production_qty_produced),
    });
  }

  private context() {
    return { plant: this.plant, system: 'erp' as const, connector: 'odoo-json2' };
  }

  private invalid(message: string, code: string, details: Record<string, unknown>): InvalidForBackendError {
    return new InvalidForBackendError(message, code, this.context(), details);
  }
}
