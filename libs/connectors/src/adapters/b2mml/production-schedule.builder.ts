import type { DispatchableOrder } from '../../ports/mes.connector';
import { applicationArea, type ApplicationAreaInput } from './b2mml.application-area';
import { buildB2mml, quantityElement, toXsdDateTime } from './b2mml.xml';

/** What a dispatch needs of a production order (the port's DispatchableOrder). */
export type ScheduledOrder = DispatchableOrder;

/** A HierarchyScope at site level: the MES' own code for the plant (binding option `hierarchyScope`). */
export function siteScope(hierarchyScope: string): Record<string, unknown> {
  return { EquipmentID: hierarchyScope, EquipmentElementLevel: 'Site' };
}

/**
 * ProcessProductionSchedule for one production order: one ProductionSchedule holding one
 * ProductionRequest (ID = order number) with one SegmentRequirement carrying the window,
 * the work center (EquipmentRequirement) and the output (MaterialProducedRequirement).
 * Element order follows the V0600 XSD sequences exactly (the schema is order-sensitive).
 */
export function buildProcessProductionSchedule(
  order: ScheduledOrder,
  opts: { hierarchyScope: string; application: ApplicationAreaInput },
): string {
  const scope = siteScope(opts.hierarchyScope);
  const earliestStart = toXsdDateTime(order.plannedStart);
  const latestEnd = toXsdDateTime(order.plannedEnd, true);
  return buildB2mml('ProcessProductionSchedule', {
    ApplicationArea: applicationArea(opts.application),
    DataArea: {
      // acknowledgeCode="Always": we want an AcknowledgeProductionSchedule for every dispatch.
      Process: { '@_acknowledgeCode': 'Always' },
      ProductionSchedule: {
        HierarchyScope: scope,
        ProductionRequest: {
          ID: order.number,
          HierarchyScope: scope,
          StartTime: earliestStart,
          EndTime: latestEnd,
          SegmentRequirement: {
            ID: '1',
            EarliestStartTime: earliestStart,
            LatestEndTime: latestEnd,
            ...(order.workCenter ? { EquipmentRequirement: { EquipmentID: order.workCenter } } : {}),
            MaterialProducedRequirement: {
              MaterialDefinitionID: order.item,
              Quantity: quantityElement(order.quantity.value, order.quantity.unit),
            },
          },
          RequestState: 'Released',
        },
      },
    },
  });
}

/** GetProductionSchedule asking for the schedule (work order) the MES assigned id `workOrderId`. */
export function buildGetProductionSchedule(
  workOrderId: string,
  opts: { hierarchyScope: string; application: ApplicationAreaInput },
): string {
  return buildB2mml('GetProductionSchedule', {
    ApplicationArea: applicationArea(opts.application),
    DataArea: {
      Get: { Expression: `ProductionSchedule/ID='${workOrderId}'` },
      ProductionSchedule: { ID: workOrderId, HierarchyScope: siteScope(opts.hierarchyScope) },
    },
  });
}

/**
 * GetProductionSchedule asking for every schedule (work order) of the site: the Get/Expression
 * selects by hierarchy scope, and the one ProductionSchedule the XSD requires carries only the
 * HierarchyScope (ProductionSchedule/ID is optional in V0600).
 */
export function buildGetProductionSchedulesOfSite(opts: { hierarchyScope: string; application: ApplicationAreaInput }): string {
  return buildB2mml('GetProductionSchedule', {
    ApplicationArea: applicationArea(opts.application),
    DataArea: {
      Get: { Expression: `ProductionSchedule/HierarchyScope/EquipmentID='${opts.hierarchyScope}'` },
      ProductionSchedule: { HierarchyScope: siteScope(opts.hierarchyScope) },
    },
  });
}
