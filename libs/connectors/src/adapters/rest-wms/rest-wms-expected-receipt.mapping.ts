import { type CreateExpectedReceiptInput, ExpectedReceipt } from '@plantsync/canonical';
import type { WmsQuantity } from './rest-wms.contract';
import { toQuantity, toWmsQuantity } from './rest-wms.mapping';

/** ExpectedReceiptLine / CreateExpectedReceiptRequest / ExpectedReceipt of the WMS contract. */
interface WmsExpectedReceiptLine {
  itemNumber: string;
  quantity: WmsQuantity;
  lotNumber?: string;
  /** `<purchase order>/<line number>` */
  purchaseOrderReference: string;
}

export interface WmsCreateExpectedReceiptRequest {
  warehouseCode: string;
  reference: string;
  supplierCode: string;
  expectedArrival: string;
  lines: WmsExpectedReceiptLine[];
}

export interface WmsExpectedReceipt extends WmsCreateExpectedReceiptRequest {
  id: string;
  status: 'expected' | 'received' | 'cancelled';
  createdAt: string;
}

export function toCreateExpectedReceiptRequest(warehouseCode: string, input: CreateExpectedReceiptInput): WmsCreateExpectedReceiptRequest {
  return {
    warehouseCode,
    reference: input.reference,
    supplierCode: input.supplier,
    expectedArrival: input.expectedArrival,
    lines: input.lines.map((l) => ({
      itemNumber: l.item,
      quantity: toWmsQuantity(l.quantity),
      ...(l.lot ? { lotNumber: l.lot } : {}),
      purchaseOrderReference: `${l.purchaseOrder}/${l.lineNumber}`,
    })),
  };
}

export function toExpectedReceipt(plant: string, r: WmsExpectedReceipt): ExpectedReceipt {
  return Object.assign(new ExpectedReceipt(), {
    id: r.id,
    plant,
    reference: r.reference,
    supplier: r.supplierCode,
    expectedArrival: r.expectedArrival,
    status: r.status,
    createdAt: r.createdAt,
    lines: r.lines.map((l) => {
      const cut = l.purchaseOrderReference.lastIndexOf('/');
      return {
        item: l.itemNumber,
        quantity: toQuantity(l.quantity),
        ...(l.lotNumber ? { lot: l.lotNumber } : {}),
        purchaseOrder: cut > 0 ? l.purchaseOrderReference.slice(0, cut) : l.purchaseOrderReference,
        lineNumber: cut > 0 ? Number(l.purchaseOrderReference.slice(cut + 1)) : 0,
      };
    }),
  });
}
