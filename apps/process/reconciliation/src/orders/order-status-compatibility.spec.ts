import { PRODUCTION_ORDER_STATUSES, type ProductionOrderStatus } from '@plantsync/canonical';
import { judgeOrder, type MesSide } from './order-status-compatibility';

const MES_SIDES: MesSide[] = ['none', 'dispatched', 'running', 'held', 'completed', 'aborted'];

/**
 * Every ERP status × MES side, as docs/reconciliation.md states it: ok = no difference,
 * missing = missing_posting (missingIn mes), mismatch = status_mismatch.
 */
const EXPECTED: Record<ProductionOrderStatus, Record<MesSide, 'ok' | 'missing' | 'mismatch'>> = {
  planned: { none: 'ok', dispatched: 'mismatch', running: 'mismatch', held: 'mismatch', completed: 'mismatch', aborted: 'ok' },
  released: { none: 'missing', dispatched: 'ok', running: 'ok', held: 'ok', completed: 'mismatch', aborted: 'mismatch' },
  in_progress: { none: 'missing', dispatched: 'ok', running: 'ok', held: 'ok', completed: 'mismatch', aborted: 'mismatch' },
  completed: { none: 'ok', dispatched: 'mismatch', running: 'mismatch', held: 'mismatch', completed: 'ok', aborted: 'mismatch' },
  closed: { none: 'ok', dispatched: 'mismatch', running: 'mismatch', held: 'mismatch', completed: 'ok', aborted: 'mismatch' },
  cancelled: { none: 'ok', dispatched: 'mismatch', running: 'mismatch', held: 'mismatch', completed: 'mismatch', aborted: 'ok' },
};

describe('ERP production order status vs MES work order status', () => {
  const cases = PRODUCTION_ORDER_STATUSES.flatMap((erp) => MES_SIDES.map((mes) => [erp, mes, EXPECTED[erp][mes]] as const));

  it.each(cases)('ERP %s with MES %s is %s', (erp, mes, expected) => {
    const verdict = judgeOrder('MO-P100-0005', erp, mes);
    if (expected === 'ok') expect(verdict).toBeNull();
    else if (expected === 'missing') expect(verdict).toMatchObject({ kind: 'missing_posting', missingIn: 'mes' });
    else expect(verdict).toMatchObject({ kind: 'status_mismatch', missingIn: null });
    if (verdict) {
      expect(verdict.explanation).toContain('MO-P100-0005');
      expect(verdict.check).toContain('MO-P100-0005');
    }
  });

  it('names an order released but never dispatched, and an MES that finished before the ERP confirmed', () => {
    expect(judgeOrder('MO-P100-0001', 'released', 'none')?.explanation).toBe('MO-P100-0001 is released in the ERP but was never dispatched to the MES');
    expect(judgeOrder('MO-P100-0010', 'in_progress', 'completed')?.explanation).toMatch(/^MES finished, ERP confirmation missing/);
  });

  it('reports an MES work order the ERP does not know as missing in the ERP, whatever its status', () => {
    for (const mes of MES_SIDES.filter((m) => m !== 'none'))
      expect(judgeOrder('MO-P100-7777', undefined, mes)).toMatchObject({ kind: 'missing_posting', missingIn: 'erp' });
    expect(judgeOrder('MO-P100-7777', undefined, 'none')).toBeNull();
  });
});
