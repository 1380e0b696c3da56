// `npm run migration:check`: for every registered schema, run all migrations on a fresh
// SQLite file and a fresh PostgreSQL schema, then ask TypeORM what it would still change.
// Anything pending means entities and migrations drift: print it and exit 1.
import 'reflect-metadata';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  buildDataSourceOptions,
  pendingSchemaChanges,
  type PersistenceOptions,
} from '@plantsync/persistence';
import { createTestDatabase } from '@plantsync/testing';

const REGISTRATION_FILE = 'persistence.registration.ts';

// Every apps/** and libs/** persistence.registration.ts exporting `persistenceRegistration`
// (found by walking the tree, so no lib has to import an app or another lib's schema).
function discoverRegistrations(dir: string): PersistenceOptions[] {
  const found: PersistenceOptions[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules') continue;
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...discoverRegistrations(full));
    else if (entry === REGISTRATION_FILE) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- discovered at run time
      const mod = require(full) as { persistenceRegistration?: PersistenceOptions };
      if (!mod.persistenceRegistration)
        throw new Error(`${full} must export persistenceRegistration`);
      found.push(mod.persistenceRegistration);
    }
  }
  return found;
}

async function main(): Promise<number> {
  const root = path.resolve(__dirname, '..');
  const schemas = ['apps', 'libs'].flatMap((dir) => discoverRegistrations(path.join(root, dir)));
  if (schemas.length === 0) {
    console.log('migration:check: no registered schemas, nothing to check');
    return 0;
  }
  let failures = 0;
  for (const schema of schemas) {
    for (const kind of ['sqlite', 'postgres'] as const) {
      const db = createTestDatabase(kind);
      try {
        const pending = await pendingSchemaChanges(buildDataSourceOptions(schema, db.env));
        if (pending.length > 0) {
          failures++;
          console.error(`✗ ${schema.app} on ${kind}: entities and migrations drift; pending:`);
          for (const q of pending) console.error(`    ${q};`);
        } else {
          console.log(
            `✓ ${schema.app} on ${kind}: ${schema.migrations.length} migration(s), no drift`,
          );
        }
      } catch (e) {
        failures++;
        console.error(`✗ ${schema.app} on ${kind}: ${(e as Error).message}`);
      } finally {
        await db.cleanup();
      }
    }
  }
  return failures === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
