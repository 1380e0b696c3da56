import { createHash } from 'node:crypto';
import type { WorkOrder } from '@plantsync/canonical';
import type { SystemBinding } from '@plantsync/landscape';
import { BackendRejectedError, RecordConflictError, type ConnectorErrorContext } from '../../errors/connector.errors';
import { ConnectorHttpClient, credentialFrom } from '../../http/connector-http.client';
import type { CallContext } from '../../ports/call-context';
import { MesConnector, type DispatchableOrder, type WorkOrderQuery } from '../../ports/mes.connector';
import type { ApplicationAreaInput } from './b2mml.application-area';
import { B2mmlFormatError } from './b2mml.xml';
import { buildGetProductionSchedule, buildGetProductionSchedulesOfSite, buildProcessProductionSchedule } from './production-schedule.builder';
import { parseAcknowledgeProductionSchedule, parseShowProductionSchedule } from './production-schedule.parser';

export const B2MML_V0600_KIND = 'b2mml-v0600';

/** Options of a `b2mml-v0600` binding (landscape `options`). */
export interface B2mmlMesOptions {
  /** The MES' own code for the plant site, sent as HierarchyScope/EquipmentID (e.g. DET). */
  hierarchyScope: string;
}

/** Who we are in ApplicationArea/Sender. */
const SENDER = 'PLANTSYNC';

/**
 * A plant MES speaking ISA-95 B2MML V0600 over HTTP (XML bodies):
 *   dispatch   POST {baseUrl}/b2mml/production-schedules      ProcessProductionSchedule → AcknowledgeProductionSchedule
 *   status     POST {baseUrl}/b2mml/production-schedules/get  GetProductionSchedule → ShowProductionSchedule
 *   list       POST {baseUrl}/b2mml/production-schedules/get  GetProductionSchedule by HierarchyScope → ShowProductionSchedule
 * Authorised with `Authorization: Bearer <credentialsEnv>`. The work order id is the MES'
 * ProductionSchedule/ID; the production order number travels as ProductionRequest/ID.
 */
export class B2mmlMesConnector extends MesConnector {
  private readonly http: ConnectorHttpClient;
  private readonly errorContext: ConnectorErrorContext;
  readonly hierarchyScope: string;

  constructor(plant: string, binding: SystemBinding) {
    super(plant, 'mes', binding);
    this.hierarchyScope = String((binding.options as Partial<B2mmlMesOptions>).hierarchyScope);
    this.errorContext = { plant, system: 'mes', connector: B2MML_V0600_KIND };
    this.http = new ConnectorHttpClient(binding, this.errorContext, (headers) => {
      const token = credentialFrom(binding);
      if (token) headers.authorization = `Bearer ${token}`;
    });
  }

  async dispatchWorkOrder(ctx: CallContext, order: DispatchableOrder): Promise<WorkOrder> {
    const xml = buildProcessProductionSchedule(order, {
      hierarchyScope: this.hierarchyScope,
      application: this.application(ctx, `PS-${order.number}`),
    });
    const res = await this.http.request(ctx, {
      method: 'POST',
      path: '/b2mml/production-schedules',
      rawBody: xml,
      contentType: 'application/xml',
      accept: 'application/xml',
      operation: 'ProcessProductionSchedule',
    });
    const ack = this.read('AcknowledgeProductionSchedule', () => parseAcknowledgeProductionSchedule(res.text, this.plant));
    if (!ack.accepted) {
      throw new RecordConflictError(
        `the MES of ${this.plant} rejected production order ${order.number}${ack.reason ? `: ${ack.reason}` : ''}`,
        'work-order-rejected',
        { ...this.errorContext, operation: 'ProcessProductionSchedule' },
      );
    }
    const workOrder = ack.workOrders.find((wo) => wo.productionOrder === order.number);
    if (!workOrder) {
      throw new BackendRejectedError(`the MES acknowledged the schedule without production request ${order.number}`, {
        ...this.errorContext,
        operation: 'ProcessProductionSchedule',
      });
    }
    return workOrder;
  }

  async getWorkOrder(ctx: CallContext, workOrderId: string): Promise<WorkOrder> {
    const xml = buildGetProductionSchedule(workOrderId, {
      hierarchyScope: this.hierarchyScope,
      application: this.application(ctx, `GET-${workOrderId}`),
    });
    const res = await this.http.request(ctx, {
      method: 'POST',
      path: '/b2mml/production-schedules/get',
      rawBody: xml,
      contentType: 'application/xml',
      accept: 'application/xml',
      operation: 'GetProductionSchedule',
      notFound: { recordType: 'WorkOrder', recordId: workOrderId },
    });
    const workOrders = this.read('ShowProductionSchedule', () => parseShowProductionSchedule(res.text, this.plant));
    const workOrder = workOrders.find((wo) => wo.id === workOrderId) ?? workOrders[0];
    if (!workOrder) {
      throw new BackendRejectedError(`the MES showed no production schedule for ${workOrderId}`, {
        ...this.errorContext,
        operation: 'GetProductionSchedule',
      });
    }
    return workOrder;
  }

  /**
   * Every work order of the site in one ShowProductionSchedule. B2MML has no standard expression
   * for segment states, so a status filter is applied here, after mapping to canonical statuses.
   */
  async listWorkOrders(ctx: CallContext, query: WorkOrderQuery = {}): Promise<WorkOrder[]> {
    const xml = buildGetProductionSchedulesOfSite({
      hierarchyScope: this.hierarchyScope,
      application: this.application(ctx, `LIST-${this.hierarchyScope}`),
    });
    const res = await this.http.request(ctx, {
      method: 'POST',
      path: '/b2mml/production-schedules/get',
      rawBody: xml,
      contentType: 'application/xml',
      accept: 'application/xml',
      operation: 'GetProductionSchedule',
    });
    const workOrders = this.read('ShowProductionSchedule', () => parseShowProductionSchedule(res.text, this.plant));
    return workOrders
      .filter((wo) => query.status === undefined || wo.status === query.status)
      .sort((a, b) => (a.productionOrder < b.productionOrder ? -1 : a.productionOrder > b.productionOrder ? 1 : 0));
  }

  /** Asks for a schedule that does not exist: a 404 from the MES proves it is up and takes our credential. */
  async health(ctx: CallContext): Promise<void> {
    try {
      await this.getWorkOrder(ctx, 'PLANTSYNC-HEALTH-PROBE');
    } catch (e) {
      if ((e as { classification?: string }).classification === 'not_found') return;
      throw e;
    }
  }

  /**
   * BODID: deterministic from the caller's idempotency key, so a retried dispatch is the same
   * document (the MES deduplicates by it as well as by the key); random otherwise.
   */
  private application(ctx: CallContext, fallback: string): ApplicationAreaInput {
    const seed = ctx.idempotencyKey ?? `${fallback}-${Date.now()}-${Math.random()}`;
    const bodId = `PLANTSYNC-${this.plant}-${createHash('sha256').update(seed).digest('hex').slice(0, 24)}`;
    return { sender: SENDER, component: 'mes-api', bodId };
  }

  /** An answer we cannot read is the MES' fault: a permanent backend error (502), never a 500. */
  private read<T>(what: string, parse: () => T): T {
    try {
      return parse();
    } catch (e) {
      if (e instanceof B2mmlFormatError || e instanceof RangeError) {
        throw new BackendRejectedError(`the MES answered with an unreadable ${what}: ${e.message}`, {
          ...this.errorContext,
          operation: what,
        });
      }
      throw e;
    }
  }
}
