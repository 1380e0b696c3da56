import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { GraphQLError, type DocumentNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { queryLimitExceeded } from '../errors/graphql-errors';

/** A page costs its children once per requested item: `first` × what each item asks for. */
export function connectionComplexity({ args, childComplexity }: ComplexityEstimatorArgs): number {
  const first = typeof args.first === 'number' ? args.first : 20;
  return 1 + first * childComplexity;
}

/** A nested list whose length the query does not bound (an order's components): an assumed size. */
export const listOf =
  (assumedLength: number) =>
  ({ childComplexity }: ComplexityEstimatorArgs): number =>
    1 + assumedLength * childComplexity;

/**
 * Rejects an operation whose estimated cost exceeds `maxCost` before any resolver runs
 * (graphql-query-complexity; fields declare `complexity` in @Field/@Query, the rest cost 1).
 * Runs at didResolveOperation, when variables are known, so `first: $n` counts as what $n is.
 */
/** Apollo's plugin type as @nestjs/apollo sees it (its ESM typings; ours resolve to the CJS copy). */
export type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

export function queryCostPlugin(maxCost: number): ApolloPlugin {
  const costs = new CostCache();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = costs.get(document, request.operationName, request.variables, () =>
              getComplexity({
                schema,
                operationName: request.operationName,
                query: document,
                variables: request.variables,
                estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
              }),
            );
          } catch (e) {
            // Variables that do not fit their types: execution refuses them as BAD_USER_INPUT
            // before any resolver runs, so there is nothing to cost.
            if (e instanceof GraphQLError) return;
            throw e;
          }
          if (cost > maxCost)
            throw queryLimitExceeded('cost', `The query is too expensive: estimated cost ${cost} exceeds the limit of ${maxCost}. Ask for fewer items or fields.`);
        },
      };
    },
  };
}

/**
 * Costs already computed, per parsed document (Apollo keeps one DocumentNode per distinct query
 * text in its document cache, so a portal's few queries hit) and operation name + variables: the
 * estimate walks the whole document, and a busy portal sends the same few queries all day.
 */
export class CostCache {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  constructor(private readonly perDocument = 100) {}

  get(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, compute: () => number): number {
    let costs = this.byDocument.get(document);
    if (!costs) this.byDocument.set(document, (costs = new Map()));
    const key = JSON.stringify([operationName ?? null, variables ?? null]);
    const known = costs.get(key);
    if (known !== undefined) return known;
    const cost = compute();
    // Bounded per document: variables that vary per request (ids, cursors) must not grow it forever.
    if (costs.size >= this.perDocument) costs.clear();
    costs.set(key, cost);
    return cost;
  }
}
