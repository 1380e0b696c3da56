import type { ProductionConfirmation } from '@plantsync/canonical';
import { applicationArea, type ApplicationAreaInput } from './b2mml.application-area';
import { buildB2mml, quantityElement } from './b2mml.xml';
import { SEQUENCE_DATA_ID } from './production-performance.parser';
import { SCRAP_PROPERTY_ID, SCRAP_REASON_PROPERTY_ID } from './production-schedule.parser';
import { siteScope } from './production-schedule.builder';

/** The ProductionResponse of one confirmation, in XSD element order (inverse of parseProductionPerformance). */
export function productionResponseOf(c: ProductionConfirmation, hierarchyScope: string): Record<string, unknown> {
  const properties: Record<string, unknown>[] = [];
  properties.push({ ID: SCRAP_PROPERTY_ID, Quantity: quantityElement(c.scrap.value, c.scrap.unit) });
  if (c.scrapReason) properties.push({ ID: SCRAP_REASON_PROPERTY_ID, Value: { ValueString: c.scrapReason, DataType: 'string' } });
  const segment: Record<string, unknown> = {
    ID: String(c.sequence),
    ...(c.operation ? { ProcessSegmentID: c.operation } : {}),
    ActualEndTime: c.reportedAt,
    ProductionData: { ID: SEQUENCE_DATA_ID, Value: { ValueString: String(c.sequence), DataType: 'integer' } },
    ...(c.workCenter ? { EquipmentActual: { EquipmentID: c.workCenter } } : {}),
    MaterialProducedActual: {
      ...(c.lot ? { MaterialLotID: c.lot } : {}),
      Quantity: quantityElement(c.yield.value, c.yield.unit),
      MaterialProducedActualProperty: properties,
    },
    ...(c.consumptions?.length
      ? {
          MaterialConsumedActual: c.consumptions.map((m) => ({
            MaterialDefinitionID: m.item,
            ...(m.lot ? { MaterialLotID: m.lot } : {}),
            Quantity: quantityElement(m.quantity.value, m.quantity.unit),
          })),
        }
      : {}),
    SegmentState: c.final ? 'Completed' : 'Running',
  };
  return {
    ID: c.messageId,
    ProductionRequestID: c.productionOrder,
    HierarchyScope: siteScope(hierarchyScope),
    SegmentResponse: segment,
    ResponseState: c.final ? 'Completed' : 'Running',
  };
}

/** SyncProductionPerformance carrying one ProductionResponse per confirmation (what a plant MES sends us). */
export function buildSyncProductionPerformance(
  confirmations: ProductionConfirmation[],
  opts: { hierarchyScope: string; application: ApplicationAreaInput },
): string {
  return buildB2mml('SyncProductionPerformance', {
    ApplicationArea: applicationArea(opts.application),
    DataArea: {
      Sync: '',
      ProductionPerformance: {
        HierarchyScope: siteScope(opts.hierarchyScope),
        ProductionResponse: confirmations.map((c) => productionResponseOf(c, opts.hierarchyScope)),
      },
    },
  });
}

/**
 * AcknowledgeProductionPerformance for a received document: Accepted, echoing the original
 * ApplicationArea, with one ProductionResponse (ID only) per accepted or duplicate message id.
 */
export function buildAcknowledgeProductionPerformance(input: {
  original: { bodId?: string; sender?: string; createdAt?: string };
  application: ApplicationAreaInput;
  hierarchyScope: string;
  messageIds: string[];
}): string {
  const original: Record<string, unknown> = {};
  if (input.original.sender) original.Sender = { LogicalID: input.original.sender };
  original.CreationDateTime = input.original.createdAt ?? new Date().toISOString();
  if (input.original.bodId) original.BODID = input.original.bodId;
  return buildB2mml('AcknowledgeProductionPerformance', {
    ApplicationArea: applicationArea(input.application),
    DataArea: {
      Acknowledge: {
        OriginalApplicationArea: original,
        ResponseCriteria: { ResponseExpression: { '@_actionCode': 'Accepted', '#text': 'Accepted' } },
      },
      ProductionPerformance: {
        HierarchyScope: siteScope(input.hierarchyScope),
        ProductionResponse: input.messageIds.map((id) => ({ ID: id })),
      },
    },
  });
}
