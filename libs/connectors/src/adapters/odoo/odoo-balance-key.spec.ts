import { compareBalanceKeys, type BalanceKey } from '@plantsync/canonical';
import { odooBalanceKey } from './odoo-balance-key';

describe('odooBalanceKey (stock.quant x_plantsync_balance_key)', () => {
  it('is the value plantsync_bridge computes (same example as docs/connectors.md and the sandbox)', () => {
    expect(odooBalanceKey({ item: 'BRKT-1042', location: 'P100-RM', lot: 'L7', stockStatus: 'blocked' })).toBe(
      '42524b542d3130343201503130302d524d014c3701626c6f636b6564',
    );
  });

  it('sorts like the shared balance order under any collation (plain hex comparison)', () => {
    const keys: BalanceKey[] = [
      { item: 'A', location: 'P100-RM', stockStatus: 'unrestricted' },
      { item: 'A-B', location: 'P100-RM', stockStatus: 'unrestricted' },
      { item: 'A', location: 'P100-RM', lot: 'L1', stockStatus: 'blocked' },
      { item: 'a', location: 'P100-QI', stockStatus: 'quality_inspection' },
      { item: 'A', location: 'P100-QI', lot: 'L1', stockStatus: 'unrestricted' },
      { item: 'A', location: 'P100-QI', lot: 'L1', stockStatus: 'blocked' },
      { item: 'A.1', location: 'P100', stockStatus: 'in_transit' },
    ];
    const byHex = [...keys].sort((x, y) => (odooBalanceKey(x) < odooBalanceKey(y) ? -1 : 1));
    expect(byHex).toEqual([...keys].sort(compareBalanceKeys));
  });
});
