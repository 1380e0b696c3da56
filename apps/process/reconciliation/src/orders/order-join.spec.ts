import type { ProductionOrder, ProductionOrderStatus, WorkOrder, WorkOrderStatus } from '@plantsync/canonical';
import { joinOrders, type JoinCounts, type OrderDifference } from './order-join';

const ea = (value: string) => ({ value, unit: 'EA' });
const order = (number: string, status: ProductionOrderStatus): ProductionOrder => ({
  id: number.slice(-4),
  number,
  plant: 'P100',
  item: 'ACT-2200',
  quantity: ea('50'),
  producedQuantity: ea('0'),
  status,
  plannedStart: '2026-11-23T06:00:00Z',
  plannedEnd: '2026-11-24T14:00:00Z',
});
const workOrder = (number: string, status: WorkOrderStatus): WorkOrder => ({
  id: `WO-${number}`,
  plant: 'P100',
  productionOrder: number,
  item: 'BRKT-1042',
  quantity: ea('50'),
  producedQuantity: ea('0'),
  scrapQuantity: ea('0'),
  status,
  plannedStart: '2026-11-23T06:00:00Z',
  plannedEnd: '2026-11-24T14:00:00Z',
});

async function join(erp: ProductionOrder[], mes: WorkOrder[]): Promise<{ found: OrderDifference[]; counts: JoinCounts }> {
  const counts: JoinCounts = { erpOrders: 0, mesWorkOrders: 0, matched: 0 };
  const found: OrderDifference[] = [];
  async function* pages() {
    yield* erp;
  }
  for await (const d of joinOrders('P100', pages(), mes, counts)) found.push(d);
  return { found, counts };
}

describe('joining ERP production orders with MES work orders', () => {
  it('matches on the order number and reports each side it cannot pair', async () => {
    const { found, counts } = await join(
      [order('MO-P100-0001', 'released'), order('MO-P100-0002', 'released'), order('MO-P100-0007', 'closed')],
      [workOrder('MO-P100-0001', 'dispatched'), workOrder('MO-P100-0777', 'running')],
    );
    expect(found.map((d) => [d.order, d.kind, d.missingIn])).toEqual([
      ['MO-P100-0002', 'missing_posting', 'mes'],
      ['MO-P100-0777', 'missing_posting', 'erp'],
    ]);
    expect(found[1]).toMatchObject({ item: 'BRKT-1042', erpStatus: null, mesStatus: 'running', workOrder: 'WO-MO-P100-0777' });
    expect(counts).toEqual({ erpOrders: 3, mesWorkOrders: 2, matched: 2 });
  });

  it('judges an order listed twice by the ERP (pages shifting) once', async () => {
    const { found, counts } = await join([order('MO-P100-0005', 'in_progress'), order('MO-P100-0005', 'in_progress')], [workOrder('MO-P100-0005', 'running')]);
    expect(found).toEqual([]);
    expect(counts).toEqual({ erpOrders: 1, mesWorkOrders: 1, matched: 1 });
  });
});
