import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@plantsync/platform';
import { GraphqlApiModule, type GraphqlApiOptions } from './graphql-api.module';

/** Builds the GraphQL experience API (not listening). GraphQL at /graphql, health at /health/live. */
export async function createGraphqlApi(opts: GraphqlApiOptions = {}): Promise<NestFastifyApplication> {
  return createApp(GraphqlApiModule.forRoot(opts), {
    app: 'graphql-api',
    title: 'Plantsync GraphQL API',
    description: 'The experience API for the supplier portal and planners. The contract is the GraphQL schema (schema.graphql); this document lists only health routes.',
  });
}
