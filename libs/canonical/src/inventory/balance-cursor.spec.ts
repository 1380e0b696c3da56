import { InvalidCursorError } from '../paging/page';
import { decodeBalanceCursor, encodeBalanceCursor } from './balance-cursor';

describe('stock listing keyset cursor', () => {
  it('carries the last balance key, with and without a lot', () => {
    const withLot = { item: 'BRKT-1042', location: 'P100-RM', lot: 'L2026-0412', stockStatus: 'blocked' as const };
    const withoutLot = { item: 'SCR-M8X30', location: 'P100-RM', stockStatus: 'unrestricted' as const };
    expect(decodeBalanceCursor(encodeBalanceCursor(withLot))).toEqual(withLot);
    expect(decodeBalanceCursor(encodeBalanceCursor(withoutLot))).toEqual(withoutLot);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['an offset cursor', Buffer.from(JSON.stringify({ o: 200 })).toString('base64url')],
    ['an unknown status', Buffer.from(JSON.stringify(['BRKT-1042', 'P100-RM', '', 'lost'])).toString('base64url')],
    ['a code that no system uses', Buffer.from(JSON.stringify(['BRKT 1042', 'P100-RM', '', 'blocked'])).toString('base64url')],
  ])('refuses %s', (_what, cursor) => {
    expect(() => decodeBalanceCursor(cursor)).toThrow(InvalidCursorError);
  });
});
