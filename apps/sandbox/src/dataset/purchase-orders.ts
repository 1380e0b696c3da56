import { anchorPlus } from './anchor-date';
import { SUPPLIERS } from './suppliers';
import type {
  AcknowledgementStatus,
  PurchaseOrder,
  PurchaseOrderLine,
  UnitCode,
} from './demo-dataset.types';

type LineSpec = [
  item: string,
  quantity: string,
  unit: UnitCode,
  unitPrice: string,
  promisedInDays: number,
  received?: string,
];

function po(
  number: string,
  plant: string,
  supplier: string,
  orderedDaysAgo: number,
  acknowledgement: AcknowledgementStatus,
  lines: LineSpec[],
): PurchaseOrder {
  const currency = SUPPLIERS.find((s) => s.code === supplier)?.currency ?? 'USD';
  const poLines: PurchaseOrderLine[] = lines.map(
    ([item, quantity, unit, unitPrice, promisedInDays, received], i) => ({
      lineNo: (i + 1) * 10,
      item,
      quantity,
      unit,
      receivedQuantity: received ?? '0',
      unitPrice,
      promisedDate: anchorPlus(promisedInDays),
      location: `${plant}-RM`,
    }),
  );
  return {
    number,
    plant,
    supplier,
    currency,
    orderDate: anchorPlus(-orderedDaysAgo),
    status: poLines.some((l) => l.receivedQuantity !== '0') ? 'partially_received' : 'open',
    acknowledgement,
    lines: poLines,
  };
}

/**
 * Open purchase orders. Prices are per `unit` of the line (a BOX price is per box).
 * PO-P100-0003 covers the BRKT-1042 shortage of planned order MO-P100-0002 (see scenarios.ts).
 */
export const PURCHASE_ORDERS: PurchaseOrder[] = [
  // ── P100 Detroit ─────────────────────────────────────────────────────────────
  po('PO-P100-0001', 'P100', 'SUP-1001', 20, 'accepted', [
    ['SCR-M6X20', '40', 'BOX', '18.40', -2, '25'],
    ['WSH-M6', '10', 'BOX', '6.75', -2, '4'],
    ['SCR-M4X10', '2000', 'EA', '0.045', 5],
  ]),
  po('PO-P100-0002', 'P100', 'SUP-1002', 14, 'accepted', [
    ['BRG-6204', '400', 'EA', '2.85', 6],
    ['SEAL-2535', '300', 'EA', '0.92', 6],
  ]),
  po('PO-P100-0003', 'P100', 'SUP-1004', 9, 'accepted', [['BRKT-1042', '30', 'BOX', '31.20', 4]]),
  po('PO-P100-0004', 'P100', 'SUP-1003', 30, 'accepted_with_changes', [
    ['MTR-24V-200', '150', 'EA', '84.50', 12, '60'],
    ['MTR-400V-750', '60', 'EA', '212.00', 18],
  ]),
  po('PO-P100-0005', 'P100', 'SUP-1009', 11, 'none', [
    ['ALU-6061-BAR', '120', 'M', '14.80', 9],
    ['ALU-6061-TUBE', '200', 'M', '9.65', 9],
  ]),
  po('PO-P100-0006', 'P100', 'SUP-1010', 25, 'accepted', [
    ['PCB-ACT-CTRL', '250', 'EA', '23.40', 28],
    ['ENC-INC-500', '250', 'EA', '17.90', 21],
    ['CONN-M12', '500', 'EA', '3.15', 10],
  ]),
  po('PO-P100-0007', 'P100', 'SUP-1005', 6, 'none', [
    ['PKG-CTN-M', '800', 'EA', '1.12', 7],
    ['LBL-RATING', '2000', 'EA', '0.08', 7],
  ]),
  po('PO-P100-0008', 'P100', 'SUP-1004', 16, 'accepted', [
    ['IMP-3100', '120', 'EA', '18.60', 3, '40'],
  ]),

  // ── P200 Monterrey ───────────────────────────────────────────────────────────
  po('PO-P200-0001', 'P200', 'SUP-1004', 18, 'accepted', [
    ['STL-S355-5MM', '4500', 'KG', '1.18', 2, '3000'],
    ['STL-S235-2MM', '1800', 'KG', '1.04', 2],
  ]),
  po('PO-P200-0002', 'P200', 'SUP-1004', 7, 'none', [['WLD-G3SI1', '250', 'KG', '2.65', 5]]),
  po('PO-P200-0003', 'P200', 'SUP-1003', 35, 'accepted', [
    ['MTR-400V-750', '100', 'EA', '205.00', 8, '50'],
  ]),
  po('PO-P200-0004', 'P200', 'SUP-1002', 12, 'accepted_with_changes', [
    ['BRG-6205', '300', 'EA', '3.10', 10],
    ['SEAL-2535', '300', 'EA', '0.95', 10],
  ]),
  po('PO-P200-0005', 'P200', 'SUP-1005', 4, 'none', [
    ['ORING-4022', '20', 'BOX', '9.50', 6],
    ['PKG-CTN-M', '600', 'EA', '1.05', 6],
    ['LBL-RATING', '1000', 'EA', '0.07', 6],
  ]),
  po('PO-P200-0006', 'P200', 'SUP-1001', 10, 'accepted', [
    ['SCR-M8X30', '30', 'BOX', '16.80', 3],
    ['SCR-M6X20', '20', 'BOX', '18.10', 3],
  ]),
  po('PO-P200-0007', 'P200', 'SUP-1004', 22, 'rejected', [['BRKT-1043', '200', 'EA', '4.35', 1]]),
  po('PO-P200-0008', 'P200', 'SUP-1004', 3, 'none', [['IMP-3100', '80', 'EA', '18.20', 14]]),

  // ── P300 Wrocław ─────────────────────────────────────────────────────────────
  po('PO-P300-0001', 'P300', 'SUP-1006', 28, 'accepted', [
    ['CAST-GBX-H', '200', 'EA', '24.30', 1, '120'],
  ]),
  po('PO-P300-0002', 'P300', 'SUP-1007', 15, 'accepted', [
    ['STL-42CRMO4-BAR', '90', 'M', '11.40', 4],
  ]),
  po('PO-P300-0003', 'P300', 'SUP-1008', 21, 'accepted_with_changes', [
    ['GEAR-SUN-10', '300', 'EA', '6.20', 11],
    ['GEAR-PLN-10', '900', 'EA', '4.85', 11, '300'],
    ['GEAR-RING-10', '300', 'EA', '19.75', 15],
  ]),
  po('PO-P300-0004', 'P300', 'SUP-1008', 8, 'none', [
    ['BRG-6002', '900', 'EA', '1.35', 9],
    ['OIL-ISO68', '200', 'L', '4.90', 5],
  ]),
  po('PO-P300-0005', 'P300', 'SUP-1009', 13, 'accepted', [['ALU-6061-TUBE', '60', 'M', '8.95', 7]]),
  po('PO-P300-0006', 'P300', 'SUP-1010', 19, 'accepted', [
    ['MTR-24V-200', '80', 'EA', '79.00', 16],
  ]),
  po('PO-P300-0007', 'P300', 'SUP-1007', 2, 'none', [['PWD-RAL7035', '150', 'KG', '6.40', 12]]),
];
