import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';

/**
 * What must exist before TypeORM connects and runs migrations: the SQLite file's directory,
 * or the PostgreSQL schema (migrations and their bookkeeping table live inside it).
 */
export async function prepareDatabase(options: DataSourceOptions): Promise<void> {
  if (options.type === 'better-sqlite3') {
    if (options.database !== ':memory:')
      mkdirSync(path.dirname(path.resolve(options.database)), { recursive: true });
    return;
  }
  if (options.type === 'postgres' && options.schema) {
    const client = new Client({ connectionString: options.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '""')}"`);
    } finally {
      await client.end();
    }
  }
}
