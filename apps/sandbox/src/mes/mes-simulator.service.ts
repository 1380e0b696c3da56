import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { fingerprintOf, LedgerService, SandboxIdempotency, SandboxStore, type SandboxRequestContext } from '../core';
import {
  acknowledgeProductionSchedule,
  readGetProductionSchedule,
  readProcessProductionSchedule,
  showProductionSchedule,
} from './mes-schedule.documents';
import { MES_SITE_SCOPES, workOrderCollection, workOrderIdOf, type MesWorkOrder } from './mes-work-order';

/**
 * The simulated plant MES: accepts ProcessProductionSchedule (one work order per production
 * order number, however often it is dispatched), answers GetProductionSchedule with
 * ShowProductionSchedule — for given schedule IDs or for every work order of a site — and tracks
 * what the shop floor produced.
 */
@Injectable()
export class MesSimulatorService {
  constructor(
    @Inject(SandboxStore) private readonly store: SandboxStore,
    @Inject(LedgerService) private readonly ledger: LedgerService,
    @Inject(SandboxIdempotency) private readonly idempotency: SandboxIdempotency,
  ) {}

  /** Applies a ProcessProductionSchedule; returns the AcknowledgeProductionSchedule XML. */
  processSchedule(ctx: SandboxRequestContext, body: unknown): { xml: string; replayed: boolean } {
    const input = readProcessProductionSchedule(body); // 400 before anything is remembered
    const { result, replayed } = this.idempotency.once(
      { plant: ctx.plant, system: 'mes' },
      ctx.idempotencyKey,
      fingerprintOf('ProcessProductionSchedule', input.requests),
      () => {
        const collection = workOrderCollection(ctx.plant);
        const workOrders = input.requests.map((request) => {
          const id = workOrderIdOf(request.orderNumber);
          const existing = this.store.get<MesWorkOrder>(collection, id);
          // The same order dispatched again (a retry without Idempotency-Key) is the same work order.
          if (existing) return existing;
          const wo: MesWorkOrder = {
            id,
            plant: ctx.plant,
            orderNumber: request.orderNumber,
            item: request.item,
            quantity: new Decimal(request.quantity).toFixed(),
            unit: request.unit,
            produced: '0',
            scrapped: '0',
            earliestStart: request.earliestStart,
            latestEnd: request.latestEnd,
            workCenter: request.workCenter,
            hierarchyScope: request.hierarchyScope ?? MES_SITE_SCOPES[ctx.plant] ?? ctx.plant,
            state: 'Ready',
            lastSequence: 0,
            bodId: input.bodId,
            createdAt: new Date().toISOString(),
          };
          this.store.put(collection, id, wo);
          this.ledger.record({
            plant: ctx.plant,
            system: 'mes',
            operation: 'ProcessProductionSchedule',
            idempotencyKey: ctx.idempotencyKey,
            correlationId: ctx.correlationId,
            businessKey: request.orderNumber,
            payload: { bodId: input.bodId, xml: body },
            result: { workOrderId: id },
          });
          return wo;
        });
        const bodId = `ACK-${ctx.plant}-${randomUUID()}`;
        return { xml: acknowledgeProductionSchedule(ctx.plant, input, workOrders, bodId) };
      },
    );
    return { xml: result.xml, replayed };
  }

  /** Answers a GetProductionSchedule with ShowProductionSchedule; 404 when an id is unknown. */
  getSchedule(plant: string, body: unknown): string {
    const query = readGetProductionSchedule(body);
    if (query.site !== undefined) return this.showSite(plant, query.site, query.bodId);
    return this.show(plant, query.ids, query.bodId);
  }

  /** Every work order of the site; another plant's site code (or an unknown one) holds none here. */
  showSite(plant: string, site: string, originalBodId?: string): string {
    const workOrders = this.store
      .list<MesWorkOrder>(workOrderCollection(plant), (wo) => wo.hierarchyScope === site)
      .sort((a, b) => (a.orderNumber < b.orderNumber ? -1 : a.orderNumber > b.orderNumber ? 1 : 0));
    return showProductionSchedule(plant, workOrders, `SHOW-${plant}-${randomUUID()}`, originalBodId, site);
  }

  show(plant: string, ids: string[], originalBodId?: string): string {
    const workOrders = ids.map((id) => {
      const wo = this.store.get<MesWorkOrder>(workOrderCollection(plant), id);
      if (!wo) throw new NotFoundException(`work order ${id} does not exist at ${plant}`);
      return wo;
    });
    return showProductionSchedule(plant, workOrders, `SHOW-${plant}-${randomUUID()}`, originalBodId);
  }

  find(plant: string, id: string): MesWorkOrder | undefined {
    return this.store.get<MesWorkOrder>(workOrderCollection(plant), id);
  }
}
