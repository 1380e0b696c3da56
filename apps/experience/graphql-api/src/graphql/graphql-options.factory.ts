import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ApolloDriverConfig } from '@nestjs/apollo';
import { Logger } from '@nestjs/common';
import type { ApiKeyRegistry } from '@plantsync/platform';
import { currentCorrelationId } from '@plantsync/platform';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { Principal } from '@plantsync/platform';
import { GraphQLError, type GraphQLFormattedError, Kind, specifiedRules, validate } from 'graphql';
import type { ServerOptions, Context as WsContext } from 'graphql-ws';
import { authenticateConnection } from '../auth/authenticate-connection';
import { authenticateRequest } from '../auth/authenticate-request';
import type { PortalJwtVerifier } from '../auth/portal-jwt.verifier';
import type { GraphqlApiConfig } from '../config/graphql-api.config';
import { createFormatError } from '../errors/format-error';
import { ErrorCode } from '../errors/error-codes';
import { apiError, badUserInput, unauthenticated } from '../errors/graphql-errors';
import type { RequestLoadersFactory } from '../loaders/request-loaders.factory';
import type { GraphqlContext } from './graphql-context';
import { queryCostPlugin, type ApolloPlugin } from './query-cost';
import { queryLimitRules } from './query-limits';

export const GRAPHQL_PATH = '/graphql';

/** What a graphql-ws connection carries from connection_init to every subscription on it. */
interface WsExtra {
  principal?: Principal;
}

function isWsContext(arg: unknown): arg is WsContext<Record<string, unknown>, WsExtra> {
  return typeof arg === 'object' && arg !== null && 'connectionParams' in arg && 'extra' in arg && 'subscriptions' in arg;
}

/**
 * Apollo Server 5 on the app's Fastify instance. Security settings, all on purpose:
 * - introspection, GraphiQL and "did you mean" suggestions only when NODE_ENV=development;
 * - CSRF prevention (a GET or a simple-content-type POST needs a non-simple header);
 * - no HTTP batching; depth/alias/directive/token limits as validation rules; a cost limit;
 * - no stack traces; formatError gives every error a stable code and scrubs the rest;
 * - every request is authenticated while its context is built (401 UNAUTHENTICATED otherwise);
 * - subscriptions over graphql-ws on the same path: the credential is checked in connection_init
 *   (refused → the socket closes with 4403), and errors leave formatted exactly as over HTTP.
 */
export function graphqlOptions(
  config: GraphqlApiConfig,
  keys: ApiKeyRegistry,
  jwt: PortalJwtVerifier,
  loaders: RequestLoadersFactory,
): ApolloDriverConfig {
  const development = config.isDevelopment;
  const formatError = createFormatError(new Logger('GraphQL'));
  const limitRules = queryLimitRules(config);
  // graphql-ws runs graphql-js' own validation: without this a WebSocket would skip the depth,
  // alias and token limits, and serve queries (introspection included) outside Apollo's settings.
  const wsValidation: Pick<ServerOptions, 'validate'> = {
    validate: (schema, document) => {
      const errors = validate(schema, document, [...specifiedRules, ...limitRules]);
      if (errors.length > 0) return errors;
      const other = document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION && d.operation !== 'subscription');
      return other ? [badUserInput('Only subscriptions are served over WebSocket: send queries and mutations over HTTP.')] : [];
    },
  };
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    // Guards run on field resolvers too, so a nested field is checked like a query.
    fieldResolverEnhancers: ['guards'],
    // formatError maps Nest HTTP exceptions itself; Nest's mapping would copy their body into the answer.
    autoTransformHttpErrors: false,
    introspection: development,
    graphiql: development,
    hideSchemaDetailsFromClientErrors: !development,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    validationRules: limitRules,
    // Apollo installs its cache-control plugin unless told not to. We set no cache hints, yet it
    // hooks willResolveField, which makes Apollo wrap every field resolver: about a fifth of the CPU
    // of a page of 50 purchase orders went there (bench row 5, docs/performance.md).
    plugins: [queryCostPlugin(config.GRAPHQL_MAX_COST), ApolloServerPluginCacheControlDisabled() as unknown as ApolloPlugin],
    formatError,
    subscriptions: {
      'graphql-ws': {
        path: GRAPHQL_PATH,
        connectionInitWaitTimeout: 5_000,
        onConnect: async (ctx) => {
          try {
            (ctx.extra as WsExtra).principal = await authenticateConnection(ctx.connectionParams, keys, jwt);
            return true;
          } catch {
            return false;
          }
        },
        // graphql-ws registers the new subscription before this hook, so the count includes it.
        onSubscribe: (ctx) =>
          Object.keys(ctx.subscriptions).length > config.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION
            ? [
                // Sent as is (graphql-ws does not run formatError here): code and limit only, no HTTP status.
                apiError(
                  ErrorCode.QUERY_LIMIT_EXCEEDED,
                  `This connection already holds ${config.GRAPHQL_MAX_SUBSCRIPTIONS_PER_CONNECTION} subscriptions; complete one before starting another.`,
                  { limit: 'subscriptions' },
                ),
              ]
            : undefined,
        // Passed through to graphql-ws' useServer by @nestjs/graphql (its config type does not list it).
        ...wsValidation,
        // graphql-ws does not know Apollo's formatError: the same codes and scrubbing, applied here.
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors
            ? {
                ...result,
                errors: result.errors.map((e): GraphQLFormattedError => formatError(e instanceof GraphQLError ? e.toJSON() : { message: String(e) }, e)),
              }
            : undefined,
      },
    },
    context: async (request: FastifyRequest | WsContext<Record<string, unknown>, WsExtra>): Promise<GraphqlContext> => {
      if (isWsContext(request)) {
        const principal = request.extra.principal;
        if (!principal) throw unauthenticated('Authenticate in connection_init.');
        const correlationId = randomUUID();
        return { principal, correlationId, loaders: loaders.create({ correlationId }) };
      }
      const principal = await authenticateRequest(request, keys, jwt);
      const correlationId = currentCorrelationId();
      return { principal, correlationId, loaders: loaders.create({ correlationId }) };
    },
  };
}
