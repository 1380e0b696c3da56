import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  /** Env to boot an app or build data source options with (DATABASE_*). */
  env: Record<string, string>;
  /** Removes the SQLite file's directory or drops the PostgreSQL schema. */
  cleanup(): Promise<void>;
}

/** The PostgreSQL the tests use: DATABASE_URL, else the local `test` database. */
export const TEST_POSTGRES_URL =
  process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A database of its own for one test file: a temp SQLite file or a unique PostgreSQL schema
 * (created by PersistenceModule / prepareDatabase at boot, dropped by cleanup).
 */
export function createTestDatabase(kind: 'sqlite' | 'postgres'): TestDatabase {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plantsync-db-'));
    return {
      env: { DATABASE_SQLITE_PATH: path.join(dir, 'test.sqlite') },
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  return {
    env: { DATABASE_URL: TEST_POSTGRES_URL, DATABASE_SCHEMA: schema },
    cleanup: async () => {
      const c = new Client({ connectionString: TEST_POSTGRES_URL });
      await c.connect();
      try {
        await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } finally {
        await c.end();
      }
    },
  };
}
