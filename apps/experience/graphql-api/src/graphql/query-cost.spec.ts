import { parse } from 'graphql';
import { CostCache } from './query-cost';

const PAGE = parse('query Orders($first: Int!) { purchaseOrders(first: $first) { nodes { number lines { item } } } }');

describe('CostCache', () => {
  it('estimates a document once per operation and variables, and again for other variables or another document', () => {
    const cache = new CostCache();
    let estimates = 0;
    const estimate = (cost: number) => () => (estimates++, cost);
    expect(cache.get(PAGE, 'Orders', { first: 50 }, estimate(501))).toBe(501);
    expect(cache.get(PAGE, 'Orders', { first: 50 }, estimate(999))).toBe(501);
    expect(estimates).toBe(1);
    expect(cache.get(PAGE, 'Orders', { first: 10 }, estimate(101))).toBe(101);
    expect(cache.get(parse('{ viewer { id } }'), undefined, undefined, estimate(2))).toBe(2);
    expect(estimates).toBe(3);
  });

  it('keeps at most the configured number of variable sets per document', () => {
    const cache = new CostCache(2);
    let estimates = 0;
    for (const first of [1, 2, 3, 1]) cache.get(PAGE, 'Orders', { first }, () => (estimates++, first));
    expect(estimates).toBe(4); // {first: 1} was dropped when the third set arrived
  });

  it('remembers nothing when the estimate fails (bad variables are refused later by execution)', () => {
    const cache = new CostCache();
    expect(() => cache.get(PAGE, 'Orders', { first: 'many' }, () => { throw new Error('Variable "$first" got invalid value'); })).toThrow();
    expect(cache.get(PAGE, 'Orders', { first: 'many' }, () => 7)).toBe(7);
  });
});
