import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import type { ValidationRule } from 'graphql';
import type { GraphqlApiConfig } from '../config/graphql-api.config';
import type { QueryLimit } from '../errors/error-codes';
import { queryLimitExceeded } from '../errors/graphql-errors';

/** Reports a rejected limit as our own error, tagged with the limit (formatError turns it into QUERY_LIMIT_EXCEEDED). */
const rejectAs =
  (limit: QueryLimit): GraphQLArmorRejectCallback =>
  (context, error) =>
    context?.reportError(queryLimitExceeded(limit, error.message.replace(/^Syntax Error: /, '')));

const limit = (name: QueryLimit) => ({ exposeLimits: true, propagateOnRejection: false, onReject: [rejectAs(name)] });

/**
 * Depth, alias, directive and token limits as validation rules (GraphQL Armor), so an abusive query
 * is refused before anything runs. Cost is checked apart (query-cost.ts) because it needs the
 * variables. Field suggestions are hidden by Apollo's hideSchemaDetailsFromClientErrors and HTTP
 * batching is off (allowBatchedHttpRequests: false) — both set in graphql-options.factory.ts.
 */
export function queryLimitRules(config: GraphqlApiConfig): ValidationRule[] {
  const armor = new ApolloArmor({
    maxDepth: { n: config.GRAPHQL_MAX_DEPTH, ignoreIntrospection: true, flattenFragments: true, ...limit('depth') },
    maxAliases: { n: config.GRAPHQL_MAX_ALIASES, ...limit('aliases') },
    maxDirectives: { n: 20, ...limit('directives') },
    maxTokens: { n: config.GRAPHQL_MAX_TOKENS, ...limit('tokens') },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  });
  return armor.protect().validationRules;
}
