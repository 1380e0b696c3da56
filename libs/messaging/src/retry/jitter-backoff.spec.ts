import { jitterBackoffDelay } from './jitter-backoff';
import { DEFAULT_RETRY_POLICY } from './retry-policy';

const policy = { baseDelayMs: 1000, maxDelayMs: 30_000, jitter: 0.5 };

it.each([
  [1, 500, 1000],
  [2, 1000, 2000],
  [3, 2000, 4000],
  [5, 8000, 16_000],
  [6, 15_000, 30_000], // 32 s capped at 30 s
  [20, 15_000, 30_000],
])('retry %i waits between %i and %i ms', (attempt, min, max) => {
  expect(jitterBackoffDelay(attempt, policy, () => 0)).toBe(min);
  expect(jitterBackoffDelay(attempt, policy, () => 0.999999)).toBe(max - 1);
  for (let i = 0; i < 200; i++) {
    const d = jitterBackoffDelay(attempt, policy);
    expect(d).toBeGreaterThanOrEqual(min);
    expect(d).toBeLessThan(max);
  }
});

it('is the plain exponential delay without jitter', () => {
  expect(jitterBackoffDelay(4, { ...policy, jitter: 0 }, Math.random)).toBe(8000);
});

it('spreads delays out (not all equal)', () => {
  const delays = new Set(Array.from({ length: 50 }, () => jitterBackoffDelay(3, DEFAULT_RETRY_POLICY)));
  expect(delays.size).toBeGreaterThan(10);
});
