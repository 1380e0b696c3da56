import { InvalidB2mml, kid, kids, readDocument, str, writeDocument, type Node } from './mes-b2mml.xml';
import type { MesWorkOrder } from './mes-work-order';

/** What the MES takes from a ProcessProductionSchedule: one entry per ProductionRequest. */
export interface ScheduledRequest {
  orderNumber: string;
  item: string;
  quantity: string;
  unit: string;
  earliestStart: string;
  latestEnd: string;
  workCenter?: string;
  hierarchyScope?: string;
}

export interface ProcessScheduleInput {
  bodId?: string;
  sender?: string;
  createdAt?: string;
  requests: ScheduledRequest[];
}

const DECIMAL = /^\d{1,18}(\.\d{1,12})?$/;

/** Reads ProcessProductionSchedule; throws InvalidB2mml listing every missing field. */
export function readProcessProductionSchedule(body: unknown): ProcessScheduleInput {
  const root = readDocument(body, 'ProcessProductionSchedule');
  const area = kid(root, 'ApplicationArea');
  const data = kid(root, 'DataArea');
  const problems: string[] = [];
  if (!area) problems.push('ApplicationArea is missing');
  if (!data || kid(data, 'Process') === undefined) problems.push('DataArea/Process is missing');
  const requests: ScheduledRequest[] = [];
  kids(data, 'ProductionSchedule').forEach((schedule, s) => {
    const scheduleScope = str(kid(schedule, 'HierarchyScope'), 'EquipmentID');
    kids(schedule, 'ProductionRequest').forEach((request, r) => {
      const at = `ProductionSchedule[${s}]/ProductionRequest[${r}]`;
      const segment = kid(request, 'SegmentRequirement');
      const produced = kid(segment, 'MaterialProducedRequirement');
      const quantity = kid(produced, 'Quantity');
      const fields = {
        orderNumber: str(request, 'ID'),
        item: str(produced, 'MaterialDefinitionID'),
        quantity: str(quantity, 'QuantityString'),
        unit: str(quantity, 'UnitOfMeasure'),
        earliestStart: str(segment, 'EarliestStartTime') ?? str(request, 'StartTime'),
        latestEnd: str(segment, 'LatestEndTime') ?? str(request, 'EndTime'),
      };
      const paths: Record<keyof typeof fields, string> = {
        orderNumber: 'ID',
        item: 'SegmentRequirement/MaterialProducedRequirement/MaterialDefinitionID',
        quantity: 'SegmentRequirement/MaterialProducedRequirement/Quantity/QuantityString',
        unit: 'SegmentRequirement/MaterialProducedRequirement/Quantity/UnitOfMeasure',
        earliestStart: 'SegmentRequirement/EarliestStartTime',
        latestEnd: 'SegmentRequirement/LatestEndTime',
      };
      for (const [k, v] of Object.entries(fields)) if (v === undefined) problems.push(`${at}/${paths[k as keyof typeof fields]} is missing`);
      if (fields.quantity !== undefined && !DECIMAL.test(fields.quantity)) problems.push(`${at}/.../QuantityString "${fields.quantity}" is not a positive decimal`);
      if (Object.values(fields).every((v) => v !== undefined)) {
        requests.push({
          ...(fields as { [K in keyof typeof fields]-?: string }),
          workCenter: str(kid(segment, 'EquipmentRequirement'), 'EquipmentID'),
          hierarchyScope: str(kid(request, 'HierarchyScope'), 'EquipmentID') ?? scheduleScope,
        });
      }
    });
  });
  if (problems.length === 0 && requests.length === 0) problems.push('DataArea holds no ProductionSchedule/ProductionRequest');
  if (problems.length > 0) throw new InvalidB2mml(`invalid ProcessProductionSchedule: ${problems.join('; ')}`);
  return { bodId: str(area, 'BODID'), sender: str(kid(area, 'Sender'), 'LogicalID'), createdAt: str(area, 'CreationDateTime'), requests };
}

/**
 * What a GetProductionSchedule asks for: the schedules with the given ProductionSchedule/IDs, or —
 * when no ID is given — every schedule of a site, named by ProductionSchedule/HierarchyScope/EquipmentID
 * (or, failing that, by a `…HierarchyScope/EquipmentID='<site>'` Get/Expression).
 */
export type ScheduleQuery = { bodId?: string; ids: string[]; site?: undefined } | { bodId?: string; ids: []; site: string };

/** Reads GetProductionSchedule: the ProductionSchedule IDs asked for, or the site whose schedules are asked for. */
export function readGetProductionSchedule(body: unknown): ScheduleQuery {
  const root = readDocument(body, 'GetProductionSchedule');
  const data = kid(root, 'DataArea');
  const get = kid(data, 'Get');
  if (get === undefined) throw new InvalidB2mml('invalid GetProductionSchedule: DataArea/Get is missing');
  const bodId = str(kid(root, 'ApplicationArea'), 'BODID');
  const schedules = kids(data, 'ProductionSchedule');
  const ids = schedules.map((s) => str(s, 'ID')).filter((id): id is string => id !== undefined);
  if (ids.length > 0) return { bodId, ids };
  const site =
    schedules.map((s) => str(kid(s, 'HierarchyScope'), 'EquipmentID')).find((code) => code !== undefined) ??
    kids(get, 'Expression')
      .map((e) => /HierarchyScope\/EquipmentID\s*=\s*'([^']+)'/.exec(str(e) ?? '')?.[1])
      .find((code) => code !== undefined);
  if (!site) throw new InvalidB2mml('invalid GetProductionSchedule: give ProductionSchedule/ID or ProductionSchedule/HierarchyScope/EquipmentID');
  return { bodId, ids: [], site };
}

function applicationArea(plant: string, bodId: string): Record<string, unknown> {
  return { Sender: { LogicalID: `MES-${plant}` }, CreationDateTime: new Date().toISOString(), BODID: bodId };
}

const quantity = (value: string, unit: string) => ({ QuantityString: value, DataType: 'decimal', UnitOfMeasure: unit });

/** A work order as a ProductionSchedule: the request as dispatched plus one SegmentResponse once work was reported. */
export function scheduleOf(wo: MesWorkOrder): Record<string, unknown> {
  const scope = { EquipmentID: wo.hierarchyScope, EquipmentElementLevel: 'Site' };
  const request: Record<string, unknown> = {
    ID: wo.orderNumber,
    HierarchyScope: scope,
    SegmentRequirement: {
      ID: '1',
      EarliestStartTime: wo.earliestStart,
      LatestEndTime: wo.latestEnd,
      ...(wo.workCenter ? { EquipmentRequirement: { EquipmentID: wo.workCenter } } : {}),
      MaterialProducedRequirement: { MaterialDefinitionID: wo.item, Quantity: quantity(wo.quantity, wo.unit) },
    },
  };
  if (wo.state !== 'Ready') {
    request.SegmentResponse = {
      ID: `${wo.id}-ACT`,
      MaterialProducedActual: {
        MaterialDefinitionID: wo.item,
        Quantity: quantity(wo.produced, wo.unit),
        MaterialProducedActualProperty: { ID: 'ScrapQuantity', Quantity: quantity(wo.scrapped, wo.unit) },
      },
      SegmentState: wo.state,
    };
  }
  request.RequestState = 'Released';
  return { ID: wo.id, HierarchyScope: scope, ProductionRequest: request };
}

export function acknowledgeProductionSchedule(
  plant: string,
  original: { bodId?: string; sender?: string; createdAt?: string },
  workOrders: MesWorkOrder[],
  bodId: string,
): string {
  const originalArea: Record<string, Node | Record<string, unknown>> = {};
  if (original.sender) originalArea.Sender = { LogicalID: original.sender };
  originalArea.CreationDateTime = original.createdAt ?? new Date().toISOString();
  if (original.bodId) originalArea.BODID = original.bodId;
  return writeDocument('AcknowledgeProductionSchedule', {
    ApplicationArea: applicationArea(plant, bodId),
    DataArea: {
      Acknowledge: {
        OriginalApplicationArea: originalArea,
        ResponseCriteria: { ResponseExpression: { '@_actionCode': 'Accepted', '#text': 'Accepted' } },
      },
      ProductionSchedule: workOrders.map(scheduleOf),
    },
  });
}

/**
 * ShowProductionSchedule with one ProductionSchedule per work order. The XSD requires at least one
 * ProductionSchedule, so a site without work orders answers one holding only its HierarchyScope.
 */
export function showProductionSchedule(
  plant: string,
  workOrders: MesWorkOrder[],
  bodId: string,
  originalBodId?: string,
  site?: string,
): string {
  const schedules = workOrders.length > 0 || !site ? workOrders.map(scheduleOf) : [{ HierarchyScope: { EquipmentID: site, EquipmentElementLevel: 'Site' } }];
  return writeDocument('ShowProductionSchedule', {
    ApplicationArea: applicationArea(plant, bodId),
    DataArea: {
      Show: originalBodId ? { OriginalApplicationArea: { CreationDateTime: new Date().toISOString(), BODID: originalBodId } } : '',
      ProductionSchedule: schedules,
    },
  });
}

/** One production report as SyncProductionPerformance, the way a plant MES reports upward. */
export function syncProductionPerformance(input: {
  plant: string;
  bodId: string;
  messageId: string;
  wo: MesWorkOrder;
  sequence: number;
  yieldQty: string;
  scrapQty: string;
  scrapReason?: string;
  lot?: string;
  final: boolean;
  reportedAt: string;
}): string {
  const { wo } = input;
  const scope = { EquipmentID: wo.hierarchyScope, EquipmentElementLevel: 'Site' };
  const properties: Record<string, unknown>[] = [{ ID: 'ScrapQuantity', Quantity: quantity(input.scrapQty, wo.unit) }];
  if (input.scrapReason) properties.push({ ID: 'ScrapReason', Value: { ValueString: input.scrapReason, DataType: 'string' } });
  const state = input.final ? 'Completed' : 'Running';
  return writeDocument('SyncProductionPerformance', {
    ApplicationArea: applicationArea(input.plant, input.bodId),
    DataArea: {
      Sync: '',
      ProductionPerformance: {
        HierarchyScope: scope,
        ProductionResponse: {
          ID: input.messageId,
          ProductionRequestID: wo.orderNumber,
          HierarchyScope: scope,
          SegmentResponse: {
            ID: String(input.sequence),
            ActualEndTime: input.reportedAt,
            ProductionData: { ID: 'Sequence', Value: { ValueString: String(input.sequence), DataType: 'integer' } },
            ...(wo.workCenter ? { EquipmentActual: { EquipmentID: wo.workCenter } } : {}),
            MaterialProducedActual: {
              MaterialDefinitionID: wo.item,
              ...(input.lot ? { MaterialLotID: input.lot } : {}),
              Quantity: quantity(input.yieldQty, wo.unit),
              MaterialProducedActualProperty: properties,
            },
            SegmentState: state,
          },
          ResponseState: state,
        },
      },
    },
  });
}
