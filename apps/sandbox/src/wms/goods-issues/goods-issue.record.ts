import type { WmsQuantity } from '../wms.records';

export const GOODS_ISSUE_REASON_CODES = ['production_consumption', 'scrap'] as const;
export type GoodsIssueReasonCode = (typeof GOODS_ISSUE_REASON_CODES)[number];

/** A goods issue as the simulated WMS stores and answers it (GoodsIssue of the contract). */
export interface GoodsIssueRecord {
  id: string;
  warehouseCode: string;
  itemNumber: string;
  quantity: WmsQuantity;
  lotNumber?: string;
  locationCode: string;
  reasonCode: GoodsIssueReasonCode;
  reference?: string;
  issuedAt: string;
}

/** Store collection of one plant's goods issues. */
export const goodsIssueCollection = (plant: string) => `${plant}/wms/goods-issues`;
