import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ComplexityEstimatorArgs } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
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
type ApolloPlugin = NonNullable<ApolloDriverConfig['plugins']>[number];

export function queryCostPlugin(maxCost: number): ApolloPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              operationName: request.operationName,
              query: document,
              variables: request.variables,
              estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
            });
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
