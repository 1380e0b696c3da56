import { type CreateGoodsIssueInput, GoodsIssue, type GoodsIssueReason } from '@plantsync/canonical';
import type { WmsQuantity } from './rest-wms.contract';
import { toQuantity, toWmsQuantity } from './rest-wms.mapping';

/** CreateGoodsIssueRequest / GoodsIssue of the WMS contract. */
export interface WmsCreateGoodsIssueRequest {
  warehouseCode: string;
  itemNumber: string;
  quantity: WmsQuantity;
  lotNumber?: string;
  locationCode: string;
  reasonCode: GoodsIssueReason;
  reference?: string;
}

export interface WmsGoodsIssue extends WmsCreateGoodsIssueRequest {
  id: string;
  issuedAt: string;
}

export function toCreateGoodsIssueRequest(warehouseCode: string, input: CreateGoodsIssueInput): WmsCreateGoodsIssueRequest {
  return {
    warehouseCode,
    itemNumber: input.item,
    quantity: toWmsQuantity(input.quantity),
    ...(input.lot ? { lotNumber: input.lot } : {}),
    locationCode: input.location,
    reasonCode: input.reason,
    ...(input.reference ? { reference: input.reference } : {}),
  };
}

export function toGoodsIssue(plant: string, g: WmsGoodsIssue): GoodsIssue {
  return Object.assign(new GoodsIssue(), {
    id: g.id,
    plant,
    item: g.itemNumber,
    quantity: toQuantity(g.quantity),
    ...(g.lotNumber ? { lot: g.lotNumber } : {}),
    location: g.locationCode,
    reason: g.reasonCode,
    ...(g.reference ? { reference: g.reference } : {}),
    issuedAt: g.issuedAt,
  });
}
