import { listenApp } from '@plantsync/platform';
import { createGraphqlApi } from './graphql-api.app';

/** `npm run start:graphql-api`. */
async function bootstrap(): Promise<void> {
  const app = await createGraphqlApi();
  const url = await listenApp(app, Number(process.env.GRAPHQL_API_PORT ?? 3200));
  process.stdout.write(`graphql-api listening on ${url}/graphql\n`);
}

bootstrap().catch((error: unknown) => {
  console.error('graphql-api failed to start:', error);
  process.exit(1);
});
