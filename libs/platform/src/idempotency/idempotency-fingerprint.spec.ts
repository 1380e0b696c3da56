import { canonicalJson, requestFingerprint } from './idempotency-fingerprint';

describe('requestFingerprint', () => {
  const release = {
    plant: 'P100',
    order: 'PO-4711',
    lines: [{ item: 'BRKT-1042', quantity: { value: 40, unit: 'EA' } }],
  };
  const reordered = {
    lines: [{ quantity: { unit: 'EA', value: 40 }, item: 'BRKT-1042' }],
    order: 'PO-4711',
    plant: 'P100',
  };

  it('ignores key order', () => {
    expect(canonicalJson(release)).toBe(canonicalJson(reordered));
    expect(requestFingerprint('POST', '/orders', release)).toBe(
      requestFingerprint('post', '/orders', reordered),
    );
  });

  it('changes with method, path, body and array order', () => {
    const base = requestFingerprint('POST', '/orders', release);
    expect(requestFingerprint('PUT', '/orders', release)).not.toBe(base);
    expect(requestFingerprint('POST', '/orders?plant=P200', release)).not.toBe(base);
    expect(requestFingerprint('POST', '/orders', { ...release, order: 'PO-4712' })).not.toBe(base);
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
  });

  it('uses raw text for XML bodies', () => {
    const xml = '<ProductionPerformance><ID>PP-1</ID></ProductionPerformance>';
    expect(requestFingerprint('POST', '/b2mml', xml)).toBe(
      requestFingerprint('POST', '/b2mml', Buffer.from(xml)),
    );
    expect(requestFingerprint('POST', '/b2mml', xml)).not.toBe(
      requestFingerprint('POST', '/b2mml', xml + ' '),
    );
  });
});
