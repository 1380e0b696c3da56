import {
  currentCorrelationId,
  resolveCorrelationId,
  runWithCorrelation,
} from './correlation-context';

describe('correlation context', () => {
  it('keeps a well-formed caller id', () => {
    expect(resolveCorrelationId('erp-sync:P100.2024-06-01_42')).toBe('erp-sync:P100.2024-06-01_42');
  });

  it.each([[''], ['has space'], ['x'.repeat(129)], ['<script>'], [undefined]])(
    'replaces %p with a UUID',
    (incoming) => {
      expect(resolveCorrelationId(incoming)).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('is visible across awaits inside runWithCorrelation only', async () => {
    expect(currentCorrelationId()).toBeUndefined();
    await runWithCorrelation('job-release-PO-4711', async () => {
      await new Promise((r) => setTimeout(r, 1));
      expect(currentCorrelationId()).toBe('job-release-PO-4711');
    });
    expect(currentCorrelationId()).toBeUndefined();
  });
});
