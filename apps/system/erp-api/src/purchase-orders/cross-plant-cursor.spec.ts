import { decodeCrossPlantCursor, encodeCrossPlantCursor } from './cross-plant-cursor';

describe('cross-plant cursor', () => {
  it('round-trips plant index and the plant cursor', () => {
    expect(
      decodeCrossPlantCursor(encodeCrossPlantCursor({ plant: 2, cursor: 'eyJvIjoyMH0' })),
    ).toEqual({ plant: 2, cursor: 'eyJvIjoyMH0' });
    expect(decodeCrossPlantCursor(undefined)).toEqual({ plant: 0 });
  });

  it('refuses cursors it did not issue', () => {
    expect(() => decodeCrossPlantCursor('not-a-cursor')).toThrow(
      'cursor is not one this API issued',
    );
    expect(() => decodeCrossPlantCursor(Buffer.from('{"p":-1}').toString('base64url'))).toThrow();
  });
});
