import { timeOrderedUuid } from './time-ordered-uuid';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID carrying its creation time', () => {
    const id = timeOrderedUuid(Date.parse('2026-11-22T10:00:00.000Z'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(
      Date.parse('2026-11-22T10:00:00.000Z'),
    );
  });

  it('sorts ids made later after ids made earlier, as text (how the databases compare them)', () => {
    const start = Date.parse('2026-11-22T10:00:00.000Z');
    const ids = Array.from({ length: 100 }, (_, i) => timeOrderedUuid(start + i * 7));
    expect([...ids].sort()).toEqual(ids);
  });
});
