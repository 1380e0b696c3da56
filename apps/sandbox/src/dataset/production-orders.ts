import { anchorPlus } from './anchor-date';
import type { ProductionOrder, ProductionOrderStatus } from './demo-dataset.types';

function mo(
  number: string,
  item: string,
  bomRevision: string,
  quantity: string,
  status: ProductionOrderStatus,
  startInDays: number,
  durationDays: number,
  workCenter: string,
  done: { completed?: string; scrapped?: string } = {},
): ProductionOrder {
  const plant = number.slice(3, 7);
  const finished = item.startsWith('SA-') ? `${plant}-LINE1` : `${plant}-FG`;
  return {
    number,
    plant,
    item,
    bomRevision,
    quantity,
    unit: 'EA',
    completedQuantity:
      done.completed ?? (status === 'completed' || status === 'closed' ? quantity : '0'),
    scrappedQuantity: done.scrapped ?? '0',
    status,
    plannedStart: anchorPlus(startInDays),
    plannedEnd: anchorPlus(startInDays + durationDays),
    workCenter,
    outputLocation: finished,
  };
}

/** Production orders, ≥ 8 per plant, in every lifecycle state. Scenarios: see scenarios.ts. */
export const PRODUCTION_ORDERS: ProductionOrder[] = [
  // ── P100 Detroit ─────────────────────────────────────────────────────────────
  mo('MO-P100-0001', 'ACT-2200', 'B', '50', 'released', 0, 2, 'P100-WC-ASSY1'),
  mo('MO-P100-0002', 'ACT-2200', 'B', '120', 'planned', 5, 4, 'P100-WC-ASSY1'),
  mo('MO-P100-0003', 'ACT-2250', 'A', '20', 'planned', 3, 3, 'P100-WC-ASSY1'),
  mo('MO-P100-0004', 'ACT-2300', 'A', '10', 'planned', 20, 4, 'P100-WC-ASSY1'),
  mo('MO-P100-0005', 'PMP-3100', 'B', '30', 'in_progress', -1, 2, 'P100-WC-ASSY2', {
    completed: '12',
  }),
  mo('MO-P100-0006', 'PMP-3100', 'B', '40', 'completed', -10, 3, 'P100-WC-ASSY2', {
    completed: '39',
    scrapped: '1',
  }),
  mo('MO-P100-0007', 'ACT-2200', 'B', '60', 'closed', -20, 3, 'P100-WC-ASSY1'),
  mo('MO-P100-0008', 'ACT-2250', 'A', '25', 'cancelled', -40, 3, 'P100-WC-ASSY1'),
  mo('MO-P100-0009', 'SA-2206', 'A', '200', 'released', 0, 1, 'P100-WC-MACH'),
  mo('MO-P100-0010', 'SA-2202', 'B', '100', 'in_progress', -1, 2, 'P100-WC-ASSY1', {
    completed: '45',
    scrapped: '2',
  }),

  // ── P200 Monterrey ───────────────────────────────────────────────────────────
  mo('MO-P200-0001', 'SA-3103', 'B', '80', 'released', 0, 2, 'P200-WC-WELD'),
  mo('MO-P200-0002', 'SA-3103', 'B', '60', 'released', 2, 2, 'P200-WC-WELD'),
  mo('MO-P200-0003', 'PMP-3100', 'B', '25', 'released', 1, 2, 'P200-WC-ASSY1'),
  mo('MO-P200-0004', 'PMP-3150', 'A', '15', 'released', 3, 2, 'P200-WC-ASSY1'),
  mo('MO-P200-0005', 'PMP-3100', 'B', '20', 'planned', 8, 2, 'P200-WC-ASSY1'),
  mo('MO-P200-0006', 'PMP-3150', 'A', '30', 'planned', 12, 3, 'P200-WC-ASSY1'),
  mo('MO-P200-0007', 'SA-3103', 'B', '100', 'in_progress', -2, 2, 'P200-WC-WELD', {
    completed: '64',
    scrapped: '3',
  }),
  mo('MO-P200-0008', 'PMP-3100', 'B', '40', 'completed', -12, 3, 'P200-WC-ASSY1'),
  mo('MO-P200-0009', 'SA-3101', 'A', '50', 'closed', -25, 2, 'P200-WC-ASSY1'),
  mo('MO-P200-0010', 'PMP-3150', 'A', '10', 'cancelled', -6, 2, 'P200-WC-ASSY1'),

  // ── P300 Wrocław ─────────────────────────────────────────────────────────────
  mo('MO-P300-0001', 'GBX-4100', 'B', '40', 'released', 0, 3, 'P300-WC-ASSY1'),
  mo('MO-P300-0002', 'GBX-4100', 'B', '60', 'planned', 6, 4, 'P300-WC-ASSY1'),
  mo('MO-P300-0003', 'GBX-4200', 'A', '15', 'planned', 4, 4, 'P300-WC-ASSY1'),
  mo('MO-P300-0004', 'SA-4103', 'A', '120', 'in_progress', -1, 2, 'P300-WC-MACH', {
    completed: '70',
    scrapped: '1',
  }),
  mo('MO-P300-0005', 'SA-4102', 'A', '80', 'released', 1, 1, 'P300-WC-PAINT'),
  mo('MO-P300-0006', 'GBX-4100', 'B', '50', 'completed', -9, 3, 'P300-WC-ASSY1'),
  mo('MO-P300-0007', 'ACT-2200', 'B', '30', 'closed', -30, 3, 'P300-WC-ASSY1'),
  mo('MO-P300-0008', 'GBX-4200', 'A', '12', 'cancelled', -15, 4, 'P300-WC-ASSY1'),
  mo('MO-P300-0009', 'SA-4104', 'A', '150', 'planned', 2, 1, 'P300-WC-MACH'),
];
