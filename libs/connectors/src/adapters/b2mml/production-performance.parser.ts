import { all, B2mmlFormatError, childText, one, parseB2mml, readQuantity, type XmlNode } from './b2mml.xml';
import { SCRAP_PROPERTY_ID, SCRAP_REASON_PROPERTY_ID } from './production-schedule.parser';

/** ProductionData/ID under which an MES reports its sequence number within the order. */
export const SEQUENCE_DATA_ID = 'Sequence';

export const PRODUCTION_PERFORMANCE_ROOTS = ['SyncProductionPerformance', 'ProcessProductionPerformance'] as const;

/**
 * One confirmation read from B2MML, shaped like the canonical ProductionConfirmation but not yet
 * validated: the caller validates it exactly like a JSON confirmation, so both paths answer the
 * same 400s. Missing elements stay undefined (and then fail validation with their field name).
 */
export interface ParsedConfirmation {
  messageId?: string;
  plant?: string;
  productionOrder?: string;
  sequence?: number | string;
  operation?: string;
  workCenter?: string;
  yield?: { value?: string; unit?: string };
  scrap?: { value?: string; unit?: string };
  scrapReason?: string;
  lot?: string;
  final?: boolean;
  reportedAt?: string;
  consumptions?: Array<{ item?: string; quantity: { value?: string; unit?: string }; lot?: string }>;
}

export interface ParsedProductionPerformance {
  verb: 'Sync' | 'Process';
  /** ApplicationArea/BODID of the document (one per document, so not the message id). */
  bodId?: string;
  /** ApplicationArea/Sender/LogicalID. */
  sender?: string;
  createdAt?: string;
  /** One per SegmentResponse, in document order; `path` names where it came from for error messages. */
  confirmations: Array<{ path: string; confirmation: ParsedConfirmation }>;
}

export interface ProductionPerformanceParseOptions {
  /** Maps a HierarchyScope EquipmentID (the MES' site code, e.g. DET) to a plant code; unknown codes pass through. */
  plantOfScope?: (equipmentId: string) => string | undefined;
}

/**
 * Reads SyncProductionPerformance / ProcessProductionPerformance into confirmations.
 *
 * Mapping (see docs/connectors.md, b2mml-v0600): one confirmation per SegmentResponse;
 * messageId = ProductionResponse/ID (with several SegmentResponses: `<ProductionResponse/ID>/<SegmentResponse/ID or n>`);
 * plant = HierarchyScope/EquipmentID of the ProductionResponse, else of the ProductionPerformance;
 * productionOrder = ProductionRequestID; sequence = ProductionData[ID=Sequence]/Value;
 * yield = first MaterialProducedActual/Quantity; scrap = its MaterialProducedActualProperty[ID=ScrapQuantity]/Quantity
 * (0 when absent); final = SegmentState (else ResponseState) Completed; reportedAt = ActualEndTime, else CreationDateTime.
 */
export function parseProductionPerformance(xml: string, opts: ProductionPerformanceParseOptions = {}): ParsedProductionPerformance {
  const { rootName, root } = parseB2mml(xml, PRODUCTION_PERFORMANCE_ROOTS);
  const verb = rootName === 'SyncProductionPerformance' ? 'Sync' : 'Process';
  const area = one(root, 'ApplicationArea');
  const dataArea = one(root, 'DataArea');
  if (!dataArea || one(dataArea, verb) === undefined) {
    throw new B2mmlFormatError([`${rootName}/DataArea must hold a ${verb} verb element`]);
  }
  const createdAt = childText(area, 'CreationDateTime');
  const plantOf = (scope: XmlNode | undefined): string | undefined => {
    const id = childText(scope, 'EquipmentID');
    return id === undefined ? undefined : (opts.plantOfScope?.(id) ?? id);
  };

  const confirmations: ParsedProductionPerformance['confirmations'] = [];
  all(dataArea, 'ProductionPerformance').forEach((performance, p) => {
    const performancePlant = plantOf(one(performance, 'HierarchyScope'));
    all(performance, 'ProductionResponse').forEach((response, r) => {
      const responseId = childText(response, 'ID');
      const plant = plantOf(one(response, 'HierarchyScope')) ?? performancePlant;
      const segments = all(response, 'SegmentResponse');
      const responseState = childText(response, 'ResponseState');
      segments.forEach((segment, s) => {
        const path = `ProductionPerformance[${p}]/ProductionResponse[${r}]/SegmentResponse[${s}]`;
        const segmentId = childText(segment, 'ID');
        const messageId =
          responseId === undefined ? undefined : segments.length === 1 ? responseId : `${responseId}/${segmentId ?? s + 1}`;
        confirmations.push({
          path,
          confirmation: confirmationOf(segment, {
            messageId,
            plant,
            productionOrder: childText(response, 'ProductionRequestID'),
            responseState,
            createdAt,
          }),
        });
      });
    });
  });
  if (confirmations.length === 0) {
    throw new B2mmlFormatError(['the document holds no ProductionPerformance/ProductionResponse/SegmentResponse']);
  }
  return { verb, bodId: childText(area, 'BODID'), sender: childText(one(area, 'Sender'), 'LogicalID'), createdAt, confirmations };
}

function confirmationOf(
  segment: XmlNode,
  from: { messageId?: string; plant?: string; productionOrder?: string; responseState?: string; createdAt?: string },
): ParsedConfirmation {
  const produced = one(segment, 'MaterialProducedActual');
  const properties = all(produced, 'MaterialProducedActualProperty');
  const property = (id: string) => properties.find((prop) => childText(prop, 'ID') === id);
  const yieldQty = readQuantity(one(produced, 'Quantity'));
  const scrapNode = one(property(SCRAP_PROPERTY_ID), 'Quantity');
  const scrapQty = scrapNode ? readQuantity(scrapNode) : { value: '0', unit: yieldQty.unit };
  const sequenceData = all(segment, 'ProductionData').find((d) => childText(d, 'ID') === SEQUENCE_DATA_ID);
  const sequenceText = childText(one(sequenceData, 'Value'), 'ValueString');
  const state = childText(segment, 'SegmentState') ?? from.responseState;

  const confirmation: ParsedConfirmation = {
    messageId: from.messageId,
    plant: from.plant,
    productionOrder: from.productionOrder,
    sequence: sequenceText !== undefined && /^\d+$/.test(sequenceText) ? Number(sequenceText) : sequenceText,
    yield: { value: yieldQty.value, unit: yieldQty.unit },
    scrap: { value: scrapQty.value, unit: scrapQty.unit },
    final: state === 'Completed',
    reportedAt: childText(segment, 'ActualEndTime') ?? from.createdAt,
  };
  const operation = childText(segment, 'ProcessSegmentID');
  if (operation) confirmation.operation = operation;
  const workCenter = childText(one(segment, 'EquipmentActual'), 'EquipmentID');
  if (workCenter) confirmation.workCenter = workCenter;
  const lot = childText(produced, 'MaterialLotID');
  if (lot) confirmation.lot = lot;
  const reason = childText(one(property(SCRAP_REASON_PROPERTY_ID), 'Value'), 'ValueString');
  if (reason) confirmation.scrapReason = reason;
  const consumed = all(segment, 'MaterialConsumedActual');
  if (consumed.length > 0) {
    confirmation.consumptions = consumed.map((c) => {
      const q = readQuantity(one(c, 'Quantity'));
      const consumption: { item?: string; quantity: { value?: string; unit?: string }; lot?: string } = {
        item: childText(c, 'MaterialDefinitionID'),
        quantity: { value: q.value, unit: q.unit },
      };
      const cLot = childText(c, 'MaterialLotID');
      if (cLot) consumption.lot = cLot;
      return consumption;
    });
  }
  return confirmation;
}
