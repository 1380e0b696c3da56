import type { GoodsMovementRecord } from '@plantsync/canonical';
import { explainingPostings, TRACE_POSTINGS } from './difference-trace';

const movement = (id: number, postingKey?: string): GoodsMovementRecord => ({
  id: String(id),
  plant: 'P100',
  type: 'goods_issue',
  item: 'BRG-6204',
  quantity: { value: '2', unit: 'EA' },
  fromLocation: 'P100-RM',
  postedAt: '2026-11-22T09:00:00Z',
  ...(postingKey ? { postingKey } : {}),
});

describe('explainingPostings', () => {
  it("leaves out the run's own corrections but keeps earlier runs' and everyone else's", () => {
    const postings = explainingPostings(
      [movement(5, 'reconciliation-run-2-abc'), movement(4, 'reconciliation-run-1-abc'), movement(3, 'production-sync/P100/m/erp-issue-1-BRG-6204'), movement(2)],
      'run-2',
    );
    expect(postings.map((p) => p.id)).toEqual(['4', '3', '2']);
  });

  it(`keeps at most ${TRACE_POSTINGS} postings, newest first as read`, () => {
    const postings = explainingPostings(Array.from({ length: TRACE_POSTINGS + 1 }, (_, i) => movement(100 - i)), 'run-1');
    expect(postings).toHaveLength(TRACE_POSTINGS);
    expect(postings[0].id).toBe('100');
  });
});
