import type { StockDifference } from './balance-merge';
import { correctionKey, planCorrection } from './stock-correction';

const diff = (over: Partial<StockDifference>): StockDifference => ({
  kind: 'quantity_mismatch',
  plant: 'P100',
  item: 'BRKT-1042',
  location: 'P100-RM',
  lot: 'L2026-0412',
  stockStatus: 'unrestricted',
  erpStatus: 'unrestricted',
  wmsStatus: 'unrestricted',
  erpQuantity: '10',
  wmsQuantity: '12.5',
  unit: 'EA',
  missingIn: null,
  explanation: '',
  trace: null,
  ...over,
});

const RUN = '0b8f9d8b-93fb-4927-a3ce-b9845dd678f4';

describe('planCorrection', () => {
  it('receives into the ERP what it is short of when the WMS is the system of record', () => {
    expect(planCorrection(diff({}), 'wms', RUN)).toMatchObject({
      kind: 'correct',
      delta: '2.5',
      movement: { type: 'goods_receipt', item: 'BRKT-1042', quantity: { value: '2.5', unit: 'EA' }, toLocation: 'P100-RM', lot: 'L2026-0412' },
    });
  });

  it('issues from the ERP a doubled posting, and a balance the WMS does not hold', () => {
    expect(planCorrection(diff({ kind: 'duplicate_posting', erpQuantity: '20', wmsQuantity: '10' }), 'wms', RUN)).toMatchObject({
      delta: '-10',
      movement: { type: 'goods_issue', quantity: { value: '10' }, fromLocation: 'P100-RM' },
    });
    expect(planCorrection(diff({ kind: 'missing_posting', wmsQuantity: null, wmsStatus: null, missingIn: 'wms' }), 'wms', RUN)).toMatchObject({
      delta: '-10',
      movement: { type: 'goods_issue' },
    });
  });

  it('leaves status flips, blocked stock and landscapes without a WMS system of record to a data steward', () => {
    expect(planCorrection(diff({ kind: 'status_mismatch', erpStatus: 'quality_inspection' }), 'wms', RUN).kind).toBe('exception');
    expect(planCorrection(diff({ stockStatus: 'blocked', wmsStatus: 'blocked', erpStatus: 'blocked' }), 'wms', RUN).kind).toBe('exception');
    expect(planCorrection(diff({}), 'erp', RUN)).toMatchObject({ kind: 'exception', reason: expect.stringMatching(/ERP is the system of record/) });
    expect(planCorrection(diff({}), undefined, RUN)).toMatchObject({ kind: 'exception', reason: expect.stringMatching(/no system of record/) });
  });

  it('derives the same idempotency key for the same run and difference, another for another run', () => {
    expect(correctionKey(RUN, diff({}))).toBe(correctionKey(RUN, diff({ erpQuantity: '11' })));
    expect(correctionKey(RUN, diff({}))).not.toBe(correctionKey('1c0e6a55-0000-4000-8000-000000000000', diff({})));
  });
});
