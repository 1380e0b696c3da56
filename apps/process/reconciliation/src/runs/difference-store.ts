import type { DataSource } from 'typeorm';
import { ReconciliationDifference } from './reconciliation-difference.entity';
import type { CommonRunCounts } from './reconciliation-run.entity';

/** Differences written per INSERT: bounded statements on SQLite and PostgreSQL alike. */
export const DIFFERENCE_INSERT_BATCH = 200;

/** Stores a run's differences, DIFFERENCE_INSERT_BATCH rows per statement. */
export async function insertDifferences(db: DataSource, rows: ReconciliationDifference[]): Promise<void> {
  const repo = db.getRepository(ReconciliationDifference);
  for (let i = 0; i < rows.length; i += DIFFERENCE_INSERT_BATCH) await repo.insert(rows.slice(i, i + DIFFERENCE_INSERT_BATCH));
}

/**
 * Stores differences that all go to a data steward (domains without a system of record, or no
 * correction possible) and counts them: by kind, as differences and as exceptions.
 */
export async function storeStewardExceptions(db: DataSource, rows: ReconciliationDifference[], counts: CommonRunCounts): Promise<void> {
  for (const row of rows) counts.byKind[row.kind] = (counts.byKind[row.kind] ?? 0) + 1;
  counts.differences += rows.length;
  counts.exceptions += rows.length;
  await insertDifferences(db, rows);
}
