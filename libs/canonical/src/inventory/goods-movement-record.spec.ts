import { parsePostingKey, postingOrigin } from './goods-movement-record';

describe('postingOrigin', () => {
  it.each([
    ['production-sync/P100/msg-1/erp-issue-1-BRG-6204', 'production-sync'],
    ['inventory-transfer/TRF-12/erp-receipt', 'inventory-transfer'],
    ['reconciliation-run/42', 'reconciliation'],
    ['order-release/P100/MO-P100-000031-release', 'order-release'],
  ])('names the process behind %s', (key, origin) => {
    expect(postingOrigin(key)).toBe(origin);
  });

  it.each([undefined, '', '3f0b8c1e-5d7a-4c11-9a7e-2f6d1f1b2c3d', 'production-syncer/x', 'manual/inventory-transfer/1'])(
    'names no origin for %s',
    (key) => {
      expect(postingOrigin(key)).toBeUndefined();
    },
  );
});

describe('parsePostingKey', () => {
  it('splits the key a system API scoped into caller key, caller and origin', () => {
    expect(parsePostingKey('erp-api:demo-service:production-sync/P100/msg-1/erp-issue-1-BRG-6204')).toEqual({
      postingKey: 'production-sync/P100/msg-1/erp-issue-1-BRG-6204',
      postedBy: 'demo-service',
      origin: 'production-sync',
    });
  });

  it('keeps a key posted straight through a connector as it is', () => {
    expect(parsePostingKey('inventory-transfer/TRF-9/erp-transfer')).toEqual({
      postingKey: 'inventory-transfer/TRF-9/erp-transfer',
      origin: 'inventory-transfer',
    });
    expect(parsePostingKey('e2e-gr-1')).toEqual({ postingKey: 'e2e-gr-1' });
  });
});
