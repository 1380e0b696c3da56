import { plantToday } from './plant-today';

describe('plantToday', () => {
  it("gives the plant's own calendar day", () => {
    // 03:30 UTC on Nov 3 is still Nov 2 in Monterrey and already Nov 3 in Wrocław.
    const now = new Date('2026-11-03T03:30:00Z');
    expect(plantToday('America/Monterrey', now)).toBe('2026-11-02');
    expect(plantToday('Europe/Warsaw', now)).toBe('2026-11-03');
  });
});
