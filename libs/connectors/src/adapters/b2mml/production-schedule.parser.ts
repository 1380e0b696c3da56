import { decimal, formatDecimal, type WorkOrder, type WorkOrderStatus } from '@plantsync/canonical';
import { all, attr, B2mmlFormatError, childText, one, parseB2mml, readQuantity, type XmlNode } from './b2mml.xml';

/** Property id (MaterialProducedActualProperty/ID) under which an MES reports scrap. */
export const SCRAP_PROPERTY_ID = 'ScrapQuantity';
export const SCRAP_REASON_PROPERTY_ID = 'ScrapReason';

/**
 * ISA-95 SegmentState (ResponseStateType) → canonical WorkOrder status. RequestState only knows
 * Forecast/Released/Other, so progress is read from the SegmentResponse the MES reports inside
 * the ProductionRequest; no SegmentResponse yet means the order sits dispatched.
 */
export function workOrderStatusOf(requestState: string | undefined, requestOther: string | undefined, segmentState?: string): WorkOrderStatus {
  if (requestState === 'Other' && /^(cancel|abort)/i.test(requestOther ?? '')) return 'aborted';
  switch (segmentState) {
    case 'Running':
      return 'running';
    case 'Holding':
    case 'Paused':
      return 'held';
    case 'Completed':
      return 'completed';
    case 'Aborted':
      return 'aborted';
    default: // undefined, Ready, Other
      return 'dispatched';
  }
}

export interface AcknowledgedSchedule {
  /** Accepted (or Modified) vs Rejected, from Acknowledge/ResponseCriteria/ResponseExpression/@actionCode. */
  accepted: boolean;
  /** The MES' reason text when it rejected the schedule. */
  reason?: string;
  /** BODID of the ProcessProductionSchedule being acknowledged (OriginalApplicationArea). */
  originalBodId?: string;
  workOrders: WorkOrder[];
}

/** Reads an AcknowledgeProductionSchedule answer. */
export function parseAcknowledgeProductionSchedule(xml: string, plant: string): AcknowledgedSchedule {
  const { root } = parseB2mml(xml, ['AcknowledgeProductionSchedule']);
  const dataArea = one(root, 'DataArea');
  const ack = one(dataArea, 'Acknowledge');
  const expression = one(one(ack, 'ResponseCriteria'), 'ResponseExpression');
  const actionCode = attr(expression, 'actionCode') ?? 'Accepted';
  const accepted = actionCode !== 'Rejected';
  const reason = childText(one(one(ack, 'ResponseCriteria'), 'ChangeStatus'), 'Reason') ?? childText(one(ack, 'ResponseCriteria'), 'ResponseExpression');
  return {
    accepted,
    reason: accepted ? undefined : reason,
    originalBodId: childText(one(ack, 'OriginalApplicationArea'), 'BODID'),
    workOrders: accepted ? all(dataArea, 'ProductionSchedule').flatMap((s) => workOrdersOf(s, plant)) : [],
  };
}

/** Reads a ShowProductionSchedule answer. */
export function parseShowProductionSchedule(xml: string, plant: string): WorkOrder[] {
  const { root } = parseB2mml(xml, ['ShowProductionSchedule']);
  return all(one(root, 'DataArea'), 'ProductionSchedule').flatMap((s) => workOrdersOf(s, plant));
}

/** One WorkOrder per ProductionRequest of a ProductionSchedule (ours always hold exactly one). */
export function workOrdersOf(schedule: XmlNode, plant: string): WorkOrder[] {
  const scheduleId = childText(schedule, 'ID');
  return all(schedule, 'ProductionRequest').map((request) => {
    const problems: string[] = [];
    const orderNumber = childText(request, 'ID');
    if (!orderNumber) problems.push('ProductionRequest/ID is missing');
    const requirement = one(request, 'SegmentRequirement');
    const produced = one(requirement, 'MaterialProducedRequirement');
    const item = childText(produced, 'MaterialDefinitionID');
    const quantity = readQuantity(one(produced, 'Quantity'));
    if (!item) problems.push('MaterialProducedRequirement/MaterialDefinitionID is missing');
    if (!quantity.value || !quantity.unit) problems.push('MaterialProducedRequirement/Quantity needs QuantityString and UnitOfMeasure');
    if (problems.length > 0) throw new B2mmlFormatError(problems);
    const unit = quantity.unit!;

    const responses = all(request, 'SegmentResponse');
    let producedQty = decimal('0');
    let scrapQty = decimal('0');
    for (const response of responses) {
      for (const actual of all(response, 'MaterialProducedActual')) {
        const q = readQuantity(one(actual, 'Quantity'));
        if (q.value) producedQty = producedQty.plus(decimal(q.value));
        for (const property of all(actual, 'MaterialProducedActualProperty')) {
          if (childText(property, 'ID') !== SCRAP_PROPERTY_ID) continue;
          const s = readQuantity(one(property, 'Quantity'));
          if (s.value) scrapQty = scrapQty.plus(decimal(s.value));
        }
      }
    }
    const requestStateNode = one(request, 'RequestState');
    const segmentState = childText(responses[responses.length - 1], 'SegmentState');
    const workCenter = childText(one(requirement, 'EquipmentRequirement'), 'EquipmentID');
    const workOrder: WorkOrder = {
      id: scheduleId ?? orderNumber!,
      plant,
      productionOrder: orderNumber!,
      item: item!,
      quantity: { value: formatDecimal(decimal(quantity.value!)), unit },
      producedQuantity: { value: formatDecimal(producedQty), unit },
      scrapQuantity: { value: formatDecimal(scrapQty), unit },
      status: workOrderStatusOf(childText(request, 'RequestState'), attr(requestStateNode, 'OtherValue'), segmentState),
      plannedStart: childText(requirement, 'EarliestStartTime') ?? childText(request, 'StartTime') ?? '',
      plannedEnd: childText(requirement, 'LatestEndTime') ?? childText(request, 'EndTime') ?? '',
    };
    if (workCenter) workOrder.workCenter = workCenter;
    return workOrder;
  });
}
