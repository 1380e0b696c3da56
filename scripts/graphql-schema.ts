/**
 * Writes the graphql-api's schema, as the code-first resolvers build it, to
 * apps/experience/graphql-api/schema.graphql (`npm run graphql:schema`), or with `--check` fails
 * when the checked-in file is stale (`npm run graphql:check`, part of `npm test`): the published
 * contract can never drift from the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchema } from 'graphql';
import { createGraphqlApi } from '../apps/experience/graphql-api/src/graphql-api.app';

const SCHEMA_FILE = 'apps/experience/graphql-api/schema.graphql';

const HEADER = '# Plantsync GraphQL API (apps/experience/graphql-api). Generated from the code-first resolvers:\n# do not edit; run `npm run graphql:schema` and commit. `npm run graphql:check` fails when stale.\n\n';

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  // Booting resolves nothing and calls no system API; the schema comes from the decorators.
  Object.assign(process.env, { LOG_LEVEL: 'silent', NODE_ENV: 'test' });
  const app = await createGraphqlApi();
  let sdl: string;
  try {
    await app.init();
    sdl = HEADER + printSchema(app.get(GraphQLSchemaHost).schema) + '\n';
  } finally {
    await app.close();
  }
  if (!check) {
    writeFileSync(SCHEMA_FILE, sdl);
    console.log(`wrote ${SCHEMA_FILE}`);
    process.exit(0);
  }
  let current = '';
  try {
    current = readFileSync(SCHEMA_FILE, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (current !== sdl) {
    console.error(`${SCHEMA_FILE} is stale.\nRun \`npm run graphql:schema\` and commit the result.`);
    process.exit(1);
  }
  console.log('GraphQL schema is up to date');
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
