import { canTransition } from './production-order';

describe('production order lifecycle', () => {
  it('follows planned → released → in progress → completed → closed', () => {
    expect(canTransition('planned', 'released')).toBe(true);
    expect(canTransition('released', 'in_progress')).toBe(true);
    expect(canTransition('in_progress', 'completed')).toBe(true);
    expect(canTransition('completed', 'closed')).toBe(true);
  });

  it('cannot cancel once work has started, nor skip states', () => {
    expect(canTransition('in_progress', 'cancelled')).toBe(false);
    expect(canTransition('planned', 'completed')).toBe(false);
    expect(canTransition('closed', 'released')).toBe(false);
  });
});
