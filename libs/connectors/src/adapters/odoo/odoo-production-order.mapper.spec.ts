import { MO_STATE_BY_STATUS, STATUS_BY_MO_STATE, toProductionOrder } from './odoo-production-order.mapper';
import type { OdooProduction } from './odoo-records';

const mo: OdooProduction = {
  id: 118,
  name: 'MO-P200-0003',
  product_id: [1, '[PMP-3100] Coolant pump unit'],
  product_qty: 25,
  product_uom_id: [1, 'Units'],
  qty_produced: 0,
  state: 'confirmed',
  date_start: '2026-11-03 12:00:00',
  date_finished: '2026-11-05 12:00:00',
  bom_id: [4, 'B: [PMP-3100] Coolant pump unit'],
  x_workcenter_id: [3, 'Motor and pump assembly'],
};

const lookups = {
  productCode: (id: number) => ({ 1: 'PMP-3100' })[id] ?? String(id),
  bomRevision: (id: number) => ({ 4: 'B' })[id],
  workCenterCode: (id: number) => ({ 3: 'P200-WC-ASSY1' })[id],
};

describe('mrp.production → ProductionOrder', () => {
  it('maps quantities, UTC datetimes, BOM revision and work center', () => {
    expect(toProductionOrder(mo, 'P200', lookups)).toEqual({
      id: '118',
      number: 'MO-P200-0003',
      plant: 'P200',
      item: 'PMP-3100',
      quantity: { value: '25', unit: 'EA' },
      producedQuantity: { value: '0', unit: 'EA' },
      status: 'released',
      plannedStart: '2026-11-03T12:00:00Z',
      plannedEnd: '2026-11-05T12:00:00Z',
      workCenter: 'P200-WC-ASSY1',
      bomRevision: 'B',
    });
  });

  it('maps every Odoo state both ways', () => {
    expect(STATUS_BY_MO_STATE).toEqual({
      draft: 'planned',
      confirmed: 'released',
      progress: 'in_progress',
      to_close: 'completed',
      done: 'closed',
      cancel: 'cancelled',
    });
    for (const [state, status] of Object.entries(STATUS_BY_MO_STATE)) expect(MO_STATE_BY_STATUS[status]).toBe(state);
  });

  it('falls back to the start when Odoo has no end date', () => {
    const order = toProductionOrder({ ...mo, date_finished: false, bom_id: false }, 'P200', lookups);
    expect(order.plannedEnd).toBe('2026-11-03T12:00:00Z');
    expect(order.bomRevision).toBeUndefined();
  });
});
