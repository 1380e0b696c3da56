import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { SandboxStore } from '../store/sandbox-store';
import type { LedgerEntry, LedgerFilter, LedgerRecordInput } from './ledger-entry';

interface LedgerRow {
  seq: number;
  at: string;
  plant: string;
  system: string;
  operation: string;
  idempotency_key: string | null;
  correlation_id: string | null;
  business_key: string | null;
  payload: string;
  result: string | null;
}

/**
 * Append-only record of every state-changing call a simulator applied. Lives in the store's
 * SQLite file, so `store.transaction(() => { apply(); ledger.record(...) })` commits both or
 * neither. Tests and fault scenarios prove "nothing lost, nothing doubled" from it.
 */
@Injectable()
export class LedgerService {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;

  constructor(@Inject(SandboxStore) store: SandboxStore) {
    this.db = store.database;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ledger (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        plant TEXT NOT NULL,
        system TEXT NOT NULL,
        operation TEXT NOT NULL,
        idempotency_key TEXT,
        correlation_id TEXT,
        business_key TEXT,
        payload TEXT NOT NULL,
        result TEXT
      );
      CREATE INDEX IF NOT EXISTS ledger_plant_system ON ledger (plant, system, seq);
      CREATE INDEX IF NOT EXISTS ledger_idempotency_key ON ledger (idempotency_key);
      CREATE INDEX IF NOT EXISTS ledger_business_key ON ledger (business_key);
    `);
    this.insert = this.db.prepare(
      `INSERT INTO ledger (at, plant, system, operation, idempotency_key, correlation_id, business_key, payload, result)
       VALUES (@at, @plant, @system, @operation, @idempotencyKey, @correlationId, @businessKey, @payload, @result)`,
    );
  }

  record(entry: LedgerRecordInput): LedgerEntry {
    const at = new Date().toISOString();
    const info = this.insert.run({
      at,
      plant: entry.plant,
      system: entry.system,
      operation: entry.operation,
      idempotencyKey: entry.idempotencyKey ?? null,
      correlationId: entry.correlationId ?? null,
      businessKey: entry.businessKey ?? null,
      payload: JSON.stringify(entry.payload ?? null),
      result: entry.result === undefined ? null : JSON.stringify(entry.result),
    });
    return { ...entry, seq: Number(info.lastInsertRowid), at };
  }

  list(filter: LedgerFilter = {}): LedgerEntry[] {
    const { where, params } = toWhere(filter);
    const limit =
      filter.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(filter.limit))}` : '';
    const rows = this.db
      .prepare<unknown[], LedgerRow>(`SELECT * FROM ledger${where} ORDER BY seq${limit}`)
      .all(...params);
    return rows.map(fromRow);
  }

  count(filter: LedgerFilter = {}): number {
    const { where, params } = toWhere(filter);
    return (
      this.db
        .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM ledger${where}`)
        .get(...params)?.n ?? 0
    );
  }
}

const COLUMNS: Record<Exclude<keyof LedgerFilter, 'since' | 'limit'>, string> = {
  plant: 'plant',
  system: 'system',
  operation: 'operation',
  idempotencyKey: 'idempotency_key',
  businessKey: 'business_key',
  correlationId: 'correlation_id',
};

function toWhere(filter: LedgerFilter): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  for (const [key, column] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, string][]) {
    const value = filter[key];
    if (value !== undefined) {
      clauses.push(`${column} = ?`);
      params.push(value);
    }
  }
  if (filter.since !== undefined) {
    clauses.push('seq > ?');
    params.push(filter.since);
  }
  return { where: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
}

function fromRow(row: LedgerRow): LedgerEntry {
  const entry: LedgerEntry = {
    seq: row.seq,
    at: row.at,
    plant: row.plant,
    system: row.system as LedgerEntry['system'],
    operation: row.operation,
    payload: JSON.parse(row.payload),
  };
  if (row.idempotency_key !== null) entry.idempotencyKey = row.idempotency_key;
  if (row.correlation_id !== null) entry.correlationId = row.correlation_id;
  if (row.business_key !== null) entry.businessKey = row.business_key;
  if (row.result !== null) entry.result = JSON.parse(row.result);
  return entry;
}
